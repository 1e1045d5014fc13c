import { foldText } from '../../ingest/text/foldText.js';

/**
 * Nouns that say a "what"/"which" question asks for a named thing ("What company…", "Partai apa…",
 * "أي فريق…"), a place ("What continent…", "pulau apa…", "في أي مدينة…") or an amount ("What
 * percentage…"). A data table: folded
 * singular and plural forms in English, Indonesian and Arabic (with and without ال).
 */

const PLACES = [
  ...['city', 'cities', 'country', 'countries', 'continent', 'state', 'province', 'region', 'island', 'islands', 'river', 'town'],
  ...['village', 'county', 'district', 'districts', 'nation', 'capital', 'mountain', 'lake', 'sea', 'ocean', 'territory', 'neighborhood'],
  ...['kota', 'negara', 'benua', 'provinsi', 'pulau', 'sungai', 'desa', 'kabupaten', 'daerah', 'wilayah', 'ibukota', 'gunung'],
  ...['danau', 'laut', 'samudra', 'samudera', 'kecamatan', 'kawasan'],
  ...['مدينة', 'دولة', 'بلد', 'قارة', 'ولاية', 'منطقة', 'جزيرة', 'نهر', 'عاصمة', 'قرية', 'محافظة', 'جبل', 'بحر', 'بحيرة', 'مدن', 'دول'],
];

const NAMES = [
  ...['name', 'organization', 'organisation', 'company', 'companies', 'firm', 'corporation', 'team', 'party', 'group', 'band'],
  ...['club', 'university', 'college', 'school', 'church', 'newspaper', 'magazine', 'network', 'channel', 'station', 'brand'],
  ...['book', 'film', 'movie', 'novel', 'song', 'album', 'show', 'series', 'ship', 'airline', 'agency', 'court', 'army', 'tribe'],
  ...['dynasty', 'family', 'religion', 'language', 'sport', 'award', 'prize', 'author', 'writer', 'scientist', 'artist', 'player'],
  ...['leader', 'president', 'king', 'queen', 'emperor', 'empire', 'kingdom', 'general', 'ruler', 'bank', 'institution', 'museum'],
  ...['building', 'street', 'airport', 'stadium', 'hospital', 'game', 'treaty', 'war', 'battle', 'festival', 'god', 'pope'],
  ...['philosopher', 'composer', 'architect', 'person', 'man', 'woman', 'winner', 'ceo', 'founder', 'minister', 'senator'],
  ...['currency', 'uang', 'عملة'],
  ...['nama', 'organisasi', 'perusahaan', 'tim', 'partai', 'kelompok', 'grup', 'tokoh', 'pemimpin', 'presiden', 'raja', 'ratu'],
  ...['kaisar', 'universitas', 'sekolah', 'klub', 'gereja', 'koran', 'majalah', 'stasiun', 'merek', 'buku', 'film', 'novel'],
  ...['lagu', 'album', 'kapal', 'maskapai', 'badan', 'lembaga', 'pengadilan', 'suku', 'dinasti', 'keluarga', 'agama', 'bahasa'],
  ...['olahraga', 'penghargaan', 'penulis', 'ilmuwan', 'pemain', 'jenderal', 'bank', 'museum', 'gedung', 'jalan', 'bandara'],
  ...['stadion', 'perjanjian', 'perang', 'pertempuran', 'dewa', 'kerajaan', 'kekaisaran', 'kuliner', 'masakan', 'menteri'],
  ...['اسم', 'منظمة', 'شركة', 'فريق', 'حزب', 'مجموعة', 'جامعة', 'مدرسة', 'نادي', 'كنيسة', 'صحيفة', 'مجلة', 'كتاب', 'فيلم'],
  ...['رواية', 'اغنية', 'البوم', 'لغة', 'دين', 'رياضة', 'جائزة', 'ملك', 'رئيس', 'قبيلة', 'سلالة', 'اسرة', 'عائلة', 'امبراطورية'],
  ...['مملكة', 'معركة', 'حرب', 'وزير', 'مؤسس', 'لاعب', 'كاتب', 'مؤلف'],
];

/** Nouns that ask for an amount: "What was Warsaw's population…", "What percentage…", "ما نسبة…". */
const QUANTITIES = [
  ...['population', 'percentage', 'percent', 'proportion', 'temperature', 'speed', 'cost', 'price', 'number', 'amount', 'height'],
  ...['length', 'distance', 'weight', 'budget', 'salary', 'revenue', 'capacity', 'width', 'depth', 'altitude', 'elevation'],
  ...['populasi', 'persentase', 'suhu', 'kecepatan', 'harga', 'biaya', 'jumlah', 'tinggi', 'panjang', 'jarak', 'berat', 'luas'],
  ...['سكان', 'نسبة', 'حرارة', 'سرعة', 'سعر', 'تكلفة', 'كلفة', 'عدد', 'ارتفاع', 'طول', 'مسافة', 'وزن', 'ميزانية', 'مساحة'],
];

const folded = (words: string[]) => new Set(words.map(foldText).flatMap((w) => (/^\p{Script=Arabic}/u.test(w) ? [w, `ال${w}`] : [w])));

export const PLACE_NOUNS: ReadonlySet<string> = folded(PLACES);
export const QUANTITY_NOUNS: ReadonlySet<string> = folded(QUANTITIES);
export const NAME_NOUNS: ReadonlySet<string> = folded(NAMES);
