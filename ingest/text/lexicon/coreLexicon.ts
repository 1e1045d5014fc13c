/**
 * A hand-written core vocabulary of news and encyclopedic writing in English, Indonesian and
 * Arabic: one concept per line, `english forms | indonesian words | arabic words`, each word
 * written as a reader would (stemming happens when the table is loaded). General by design:
 * time, numbers, places and geography, people and society, government, law, war, economy,
 * science, religion, culture, sport, and the commonest verbs and adjectives. It bridges words
 * that share no spelling; names, numbers and loanwords are bridged by transliteration and
 * cognate keys instead. Broken Arabic plurals are listed, since no light stemmer undoes them.
 */
export const CORE_LEXICON = `
year | tahun | سنة سنوات عام أعوام
month | bulan | شهر أشهر شهور
week | minggu pekan | أسبوع أسابيع
day | hari | يوم أيام
hour | jam | ساعة ساعات
minute | menit | دقيقة دقائق
century centuries | abad | قرن قرون
decade | dekade dasawarsa | عقد عقود
time times | waktu kali masa | وقت زمن مرة مرات
period era | periode masa zaman era | فترة حقبة عصر
age | usia umur zaman | عمر سن عصر
date | tanggal | تاريخ
history historical | sejarah | تاريخ تاريخي
ancient | kuno | قديم قديمة
modern | modern | حديث حديثة
new | baru | جديد جديدة
old | tua lama | قديم كبير
early | awal dini | مبكر أوائل
late | akhir terlambat | متأخر أواخر
first | pertama | أول أولى
last final | terakhir | آخر أخير نهائي
second | kedua | ثاني ثانية
third | ketiga | ثالث ثالثة
one | satu | واحد
two | dua | اثنان اثنين
three | tiga | ثلاثة ثلاث
four | empat | أربعة أربع
five | lima | خمسة خمس
six | enam | ستة ست
seven | tujuh | سبعة سبع
eight | delapan | ثمانية ثماني
nine | sembilan | تسعة تسع
ten | sepuluh | عشرة عشر
hundred hundreds | ratus seratus | مائة مئة مئات
thousand thousands | ribu seribu | ألف آلاف
million millions | juta | مليون ملايين
billion billions | miliar milyar | مليار مليارات
half | setengah separuh | نصف
number numbers | jumlah nomor angka | عدد أعداد رقم أرقام
percent percentage | persen | نسبة بالمئة المئة
many much | banyak | كثير كثيرة عديد
most majority | mayoritas kebanyakan | معظم أغلب أغلبية
few | sedikit | قليل قليلة
more | lebih | أكثر
less fewer | kurang | أقل
all | semua seluruh | كل جميع
world global | dunia global | عالم عالمي
country countries | negara negeri | دولة دول بلد بلدان بلاد
nation national | bangsa nasional | أمة أمم وطني قومي
state states | negara | ولاية ولايات دولة
city cities | kota | مدينة مدن
town | kota | بلدة
village | desa kampung | قرية قرى
capital | ibukota | عاصمة عواصم
region regional | wilayah kawasan daerah | منطقة مناطق إقليم
area | area luas daerah | مساحة منطقة
province | provinsi | مقاطعة محافظة ولاية
district | kabupaten distrik kecamatan | حي مديرية قضاء
border borders | perbatasan batas | حدود حد
island islands | pulau | جزيرة جزر
sea | laut | بحر بحار
ocean | samudra samudera | محيط محيطات
river rivers | sungai | نهر أنهار
lake | danau | بحيرة
mountain mountains | gunung pegunungan | جبل جبال
valley | lembah | وادي
desert | gurun | صحراء
forest forests | hutan | غابة غابات
coast coastal | pantai pesisir | ساحل سواحل
land | tanah daratan lahan | أرض أراضي
earth | bumi | الأرض
north northern | utara | شمال شمالي
south southern | selatan | جنوب جنوبي
east eastern | timur | شرق شرقي
west western | barat | غرب غربي
center central | pusat tengah | مركز وسط
place | tempat | مكان أماكن
population | penduduk populasi | سكان
people | orang rakyat masyarakat | ناس شعب أشخاص
person | orang | شخص
man men | pria laki | رجل رجال
woman women | wanita perempuan | امرأة نساء سيدة
child children | anak | طفل أطفال
family families | keluarga | عائلة عائلات أسرة
father | ayah bapak | أب والد
mother | ibu | أم والدة
son | putra | ابن أبناء
daughter | putri | ابنة بنت
brother | saudara | أخ إخوة
sister | saudari | أخت
wife | istri | زوجة
husband | suami | زوج
king kings | raja | ملك ملوك
queen | ratu | ملكة
prince | pangeran | أمير أمراء
emperor | kaisar | إمبراطور
empire | kekaisaran imperium | إمبراطورية
kingdom | kerajaan | مملكة
dynasty | dinasti | سلالة أسرة
ruler rule | penguasa kuasa | حاكم حكم
leader leaders | pemimpin | زعيم زعماء قائد قادة
president | presiden | رئيس رؤساء
minister ministers | menteri | وزير وزراء
ministry | kementerian | وزارة
government | pemerintah pemerintahan | حكومة حكومات
parliament | parlemen | برلمان
council | dewan | مجلس مجالس
assembly | majelis | جمعية مجلس
party parties | partai | حزب أحزاب
election elections | pemilihan pemilu | انتخابات انتخاب
vote votes | suara | صوت أصوات تصويت
law laws | hukum undang | قانون قوانين
court | pengadilan mahkamah | محكمة
judge | hakim | قاضي قضاة
constitution | konstitusi | دستور
right rights | hak | حق حقوق
freedom | kebebasan | حرية
policy | kebijakan | سياسة
politics political | politik | سياسة سياسي
official officials | pejabat resmi | مسؤول مسؤولين رسمي
office | kantor jabatan | مكتب منصب
power | kekuasaan kekuatan daya | قوة سلطة
authority authorities | otoritas | سلطة سلطات
independence independent | kemerdekaan merdeka | استقلال مستقل
revolution | revolusi | ثورة
republic | republik | جمهورية
democracy | demokrasi | ديمقراطية
agreement treaty | perjanjian kesepakatan | اتفاق اتفاقية معاهدة
cooperation | kerjasama | تعاون
relation relations | hubungan | علاقة علاقات
member members | anggota | عضو أعضاء
union | uni serikat | اتحاد
organization | organisasi | منظمة منظمات
committee | komite panitia | لجنة
embassy | kedutaan | سفارة
ambassador | duta | سفير
foreign | asing luar | أجنبي خارجي
international | internasional | دولي
war wars | perang | حرب حروب
battle | pertempuran | معركة معارك
army armies | tentara angkatan | جيش جيوش
military | militer | عسكري
soldier soldiers troops | tentara prajurit pasukan | جندي جنود قوات
force forces | pasukan kekuatan | قوة قوات
weapon weapons | senjata | سلاح أسلحة
attack attacks | serangan | هجوم هجمات
defense defence | pertahanan | دفاع
security | keamanan | أمن
peace | damai perdamaian | سلام
conflict | konflik | صراع نزاع
victory | kemenangan | انتصار نصر
defeat | kekalahan | هزيمة
enemy | musuh | عدو أعداء
siege | pengepungan | حصار
invasion | invasi | غزو
rebel rebels | pemberontak | متمرد متمردين
coup | kudeta | انقلاب
terrorist terrorism | teroris terorisme | إرهاب إرهابي
navy | | بحرية
missile missiles | rudal | صاروخ صواريخ
aircraft plane | pesawat | طائرة طائرات
ship ships | kapal | سفينة سفن
base | pangkalan basis | قاعدة
police | polisi | شرطة
prison | penjara | سجن
crime | kejahatan | جريمة جرائم
death deaths | kematian | موت وفاة
killed kill | tewas bunuh | قتل قتلى
dead | mati meninggal | ميت
birth born | lahir kelahiran | ولادة مولد ولد
life | hidup kehidupan | حياة
health | kesehatan | صحة
disease diseases | penyakit | مرض أمراض
hospital | rumahsakit | مستشفى
doctor doctors | dokter | طبيب أطباء
medicine | obat kedokteran | طب دواء
patient patients | pasien | مريض مرضى
body | tubuh badan | جسم جسد
blood | darah | دم
cell cells | sel | خلية خلايا
virus | virus | فيروس
economy economic | ekonomi | اقتصاد اقتصادي
money | uang | مال أموال نقود
price prices | harga | سعر أسعار
cost | biaya | تكلفة
tax taxes | pajak | ضريبة ضرائب
trade | perdagangan dagang | تجارة
market | pasar | سوق أسواق
company companies | perusahaan | شركة شركات
business | bisnis usaha | أعمال تجارة
bank | bank | بنك مصرف
industry industrial | industri | صناعة صناعي
production | produksi | إنتاج
oil | minyak | نفط زيت
gas | gas | غاز
energy | energi | طاقة
electricity | listrik | كهرباء
water | air | ماء مياه
food | makanan pangan | غذاء طعام
agriculture | pertanian | زراعة
farm farmers | petani pertanian | مزرعة مزارع
income | pendapatan | دخل
wealth rich | kekayaan kaya | ثروة غني
poor poverty | miskin kemiskinan | فقير فقر
work workers labor | kerja pekerja buruh | عمل عمال
job jobs | pekerjaan | وظيفة وظائف
investment | investasi | استثمار
growth | pertumbuhan | نمو
debt | utang | دين ديون
budget | anggaran | ميزانية
export exports | ekspor | تصدير صادرات
import imports | impor | استيراد واردات
goods | barang | بضائع سلع
property | properti harta | ملكية ممتلكات
house houses home | rumah | بيت منزل منازل
building buildings | bangunan gedung | مبنى مباني
church churches | gereja | كنيسة كنائس
mosque | masjid | مسجد مساجد
temple | kuil candi | معبد
palace | istana | قصر
castle | kastil benteng | قلعة
school schools | sekolah | مدرسة مدارس
university universities | universitas | جامعة جامعات
college | perguruan kolese | كلية
student students | siswa mahasiswa pelajar | طالب طلاب
teacher teachers | guru | معلم مدرس
education | pendidikan | تعليم تربية
knowledge | pengetahuan | معرفة
science scientific | ilmu sains | علم علوم علمي
scientist scientists | ilmuwan | عالم علماء
research | penelitian riset | بحث أبحاث
study studies | studi kajian | دراسة دراسات
theory | teori | نظرية
system systems | sistem | نظام أنظمة
method | metode cara | طريقة أسلوب
technology | teknologi | تكنولوجيا تقنية
computer | komputer | حاسوب كمبيوتر
network | jaringan | شبكة
machine | mesin | آلة
engine | mesin | محرك
heat | panas | حرارة
temperature | suhu | حرارة
light | cahaya | ضوء
sun | matahari | شمس
moon | bulan | قمر
star stars | bintang | نجم نجوم
planet | planet | كوكب
space | antariksa angkasa | فضاء
air | udara | هواء
fire | api kebakaran | نار حريق
rain | hujan | مطر أمطار
climate | iklim | مناخ
weather | cuaca | طقس
animal animals | hewan binatang | حيوان حيوانات
plant plants | tumbuhan tanaman | نبات نباتات
tree trees | pohon | شجرة أشجار
species | spesies | نوع أنواع
nature natural | alam alami | طبيعة طبيعي
chemical | kimia | كيميائي
element | unsur elemen | عنصر
metal | logam | معدن
gold | emas | ذهب
iron | besi | حديد
coal | batubara | فحم
stone | batu | حجر
road roads | jalan | طريق طرق
street | jalan | شارع
bridge | jembatan | جسر
railway train | kereta | قطار سكة
car cars | mobil | سيارة سيارات
transport | transportasi angkutan | نقل
port | pelabuhan | ميناء
airport | bandara | مطار
travel journey | perjalanan | رحلة سفر
religion religious | agama | دين ديني
god | tuhan allah | إله الله
church | gereja | كنيسة
priest | pendeta imam | كاهن
christian christians | kristen | مسيحي مسيحيين
muslim muslims | muslim | مسلم مسلمين
islam islamic | islam | إسلام إسلامي
jewish | yahudi | يهودي يهود
faith belief | iman kepercayaan | إيمان
holy | suci | مقدس
culture cultural | budaya kebudayaan | ثقافة ثقافي
art arts | seni | فن فنون
music | musik | موسيقى
song songs | lagu | أغنية أغاني
film films movie | film | فيلم أفلام
book books | buku | كتاب كتب
writer author | penulis pengarang | كاتب مؤلف
poet poetry | penyair puisi | شاعر شعر
language languages | bahasa | لغة لغات
word words | kata | كلمة كلمات
name names | nama | اسم أسماء
story | cerita kisah | قصة
news | berita | خبر أخبار
newspaper | koran | صحيفة جريدة
television | televisi | تلفزيون
radio | radio | راديو إذاعة
game games | permainan pertandingan | لعبة مباراة
team teams | tim | فريق فرق
player players | pemain | لاعب لاعبين
football soccer | sepakbola | كرة
sport sports | olahraga | رياضة
match | pertandingan | مباراة
championship | kejuaraan | بطولة
cup | piala | كأس
club | klub | نادي أندية
coach | pelatih | مدرب
win won winner | menang pemenang | فوز فاز
lose lost | kalah | خسر خسارة
score points | skor poin | نقطة نقاط
record | rekor catatan | قياسي سجل
award prize | penghargaan hadiah | جائزة جوائز
group groups | kelompok grup | مجموعة مجموعات
society social | masyarakat sosial | مجتمع اجتماعي
community | komunitas | مجتمع
public | umum publik | عام عامة
private | swasta pribadi | خاص خاصة
service services | layanan | خدمة خدمات
project | proyek | مشروع
program | program | برنامج
plan plans | rencana | خطة
report | laporan | تقرير
statement | pernyataan | بيان
decision | keputusan | قرار
problem | masalah | مشكلة
question | pertanyaan | سؤال
reason cause | alasan sebab penyebab | سبب أسباب
result | hasil | نتيجة نتائج
effect impact | dampak efek pengaruh | تأثير أثر
change changes | perubahan | تغيير تغير
development | pembangunan perkembangan | تطوير تنمية
support | dukungan | دعم
protest protests | protes unjuk | احتجاج احتجاجات مظاهرة
crisis | krisis | أزمة
disaster | bencana | كارثة
earthquake | gempa | زلزال
flood | banjir | فيضان
help aid | bantuan | مساعدة مساعدات
refugee refugees | pengungsi | لاجئ لاجئين
migration immigrant | migrasi imigran | هجرة مهاجر
colony colonial | koloni kolonial jajahan | مستعمرة استعمار
slave slavery | budak perbudakan | عبد عبيد عبودية
tribe | suku | قبيلة قبائل
ethnic | etnis | عرقي
size | ukuran | حجم
length long | panjang | طول طويل
height high tall | tinggi | ارتفاع عالي طول
large big | besar | كبير كبيرة
small | kecil | صغير صغيرة
short | pendek | قصير
wide | lebar luas | واسع عرض
deep | dalam | عميق
fast | cepat | سريع
slow | lambat | بطيء
good | baik bagus | جيد
bad | buruk | سيء
important | penting | مهم هام
main | utama | رئيسي
major | besar utama | كبير رئيسي
famous | terkenal | شهير مشهور
common | umum | شائع
different | berbeda | مختلف
same | sama | نفس
similar | mirip serupa | مشابه
strong | kuat | قوي
weak | lemah | ضعيف
hot | panas | حار
cold | dingin | بارد
black | hitam | أسود
white | putih | أبيض
red | merah | أحمر
green | hijau | أخضر
blue | biru | أزرق
yellow | kuning | أصفر
true | benar | صحيح
possible | mungkin | ممكن
free | bebas gratis | حر مجاني
full | penuh | كامل
open | buka terbuka | فتح مفتوح
close closed | tutup | أغلق إغلاق
build built | bangun membangun | بنى بناء
create created | cipta membuat | أنشأ إنشاء
found founded | dirikan pendirian | أسس تأسيس
establish established | mendirikan | أسس
begin began start | mulai | بدأ بداية
end ended | akhir berakhir | انتهى نهاية
continue | lanjut | استمر
make made | buat membuat | صنع
use used | guna gunakan pakai | استخدم استخدام
go went | pergi | ذهب
come came | datang | جاء
arrive arrived | tiba | وصل وصول
leave left | tinggalkan pergi | غادر
return | kembali | عاد عودة
move moved | pindah | انتقل
send sent | kirim | أرسل
receive received | terima | تلقى استلم
give gave | beri | أعطى منح
take took | ambil | أخذ
bring | bawa | جلب
buy bought | beli | اشترى شراء
sell sold | jual | باع بيع
pay paid | bayar | دفع
say said | kata | قال
tell told | kata beritahu | أخبر
speak spoke | bicara | تحدث
write wrote | tulis | كتب
read | baca | قرأ قراءة
see saw | lihat | رأى
know knew | tahu | عرف
think | pikir | فكر
believe | percaya | اعتقد
want | ingin | أراد
need | butuh perlu | احتاج حاجة
call called | sebut panggil | سمى
name named | nama | اسم سمي
live lived | tinggal hidup | عاش عيش
die died | meninggal wafat | توفي مات
marry married | menikah kawin | تزوج زواج
grow | tumbuh | نما
increase | meningkat naik | زيادة ارتفاع
decrease fall | turun | انخفاض
rise | naik | ارتفع
lead led | pimpin | قاد
follow | ikut | تبع
join joined | bergabung | انضم
meet met meeting | bertemu pertemuan | التقى اجتماع
visit | kunjungan | زيارة
fight fought | bertempur lawan | قاتل قتال
defend | pertahankan | دافع
protect protection | lindungi perlindungan | حماية
control | kendali kontrol | سيطرة
capture captured | rebut tangkap | استولى أسر
destroy destroyed | hancur | دمر تدمير
occupy occupied | duduki | احتل احتلال
elect elected | pilih | انتخب
appoint appointed | angkat tunjuk | عين تعيين
sign signed | tandatangani | وقع توقيع
ban banned | larang | حظر منع
allow | izin | سمح
require | wajib | تطلب
produce | hasil | أنتج
discover discovered | temu | اكتشف اكتشاف
invent invented | cipta | اخترع
develop | kembang | طور
teach | ajar | علم
learn | belajar | تعلم
include | termasuk | تضمن
contain | kandung | احتوى
cover | tutup | غطى
form | bentuk | شكل
type kind | jenis macam | نوع
part | bagian | جزء
side | sisi pihak | جانب
level | tingkat | مستوى
line | garis | خط
point | titik | نقطة
role | peran | دور
rate | tingkat laju | معدل
value | nilai | قيمة
quality | kualitas mutu | جودة
amount | jumlah | كمية
total | total jumlah | إجمالي مجموع
average | rata | متوسط
distance | jarak | مسافة
weight | berat | وزن
speed | kecepatan | سرعة
direction | arah | اتجاه
surface | permukaan | سطح
structure | struktur | بنية هيكل
process | proses | عملية
function | fungsi | وظيفة
model | model | نموذج
design | desain rancangan | تصميم
image picture | gambar | صورة
color colour | warna | لون
sound | suara bunyi | صوت
event events | peristiwa acara | حدث أحداث
festival | festival | مهرجان
ceremony | upacara | حفل
holiday | libur | عطلة
friend | teman | صديق
guest | tamu | ضيف
citizen citizens | warga | مواطن مواطنين
resident residents | penduduk warga | مقيم سكان
worker | pekerja | عامل
farmer | petani | مزارع
engineer | insinyur | مهندس
lawyer | pengacara | محامي
journalist | wartawan jurnalis | صحفي
spokesman spokesperson | juru jubir | متحدث
general | jenderal | جنرال لواء
commander | komandan | قائد
officer | perwira petugas | ضابط
governor | gubernur | حاكم محافظ
mayor | walikota | عمدة
chief head | kepala ketua | رئيس
director | direktur | مدير
secretary | sekretaris | سكرتير أمين
foundation | yayasan | مؤسسة
institute institution | lembaga institut | معهد مؤسسة
museum | museum | متحف
library | perpustakaan | مكتبة
hall | aula balai | قاعة
stadium | stadion | ملعب
park | taman | حديقة
garden | kebun taman | حديقة
station | stasiun | محطة
factory | pabrik | مصنع
mine | tambang | منجم
field | lapangan ladang bidang | حقل مجال ملعب
wall | tembok dinding | جدار سور
gate door | pintu gerbang | باب بوابة
tower | menara | برج
room | ruang kamar | غرفة
window | jendela | نافذة
floor | lantai | طابق
`;
