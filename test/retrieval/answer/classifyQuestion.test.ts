import { describe, expect, it } from 'vitest';
import { classifyQuestion } from '../../../retrieval/answer/classifyQuestion.js';

describe('classifyQuestion', () => {
  it.each([
    ['when did Niger end EU cooperation?', 'when'],
    ['In what century was quantum mechanics made?', 'when'],
    ['Kapan Niger mengakhiri kerja sama dengan Uni Eropa?', 'when'],
    ['tahun berapakah The Greatest Showman dirilis?', 'when'],
    ['متى ولدت بريتني سبيرز؟', 'when'],
    ['How many French troops were in Niger?', 'howMany'],
    ['Berapa jumlah kecamatan di Nusa Tenggara Timur?', 'howMany'],
    ['كم قاعدة عسكرية تحتفظ بها الولايات المتحدة؟', 'howMany'],
    ["What was Warsaw's population in 1901?", 'howMany'],
    ['What percentage of the troops stayed in Niger?', 'howMany'],
    ['ما نسبة السكان الذين يتحدثون الفرنسية في النيجر؟', 'howMany'],
    ['Where did the Russian plane land?', 'where'],
    ['Dimana kantor pusat General Motors?', 'where'],
    ['أين يقع جبل المقطم؟', 'where'],
    ['who led the Russian delegation?', 'who'],
    ['Siapa pendiri Dailymotion?', 'who'],
    ['من أسس علم نظرية الألعاب؟', 'who'],
    ['Why did Niger turn to Russia?', 'why'],
    ['Mengapa Niger beralih ke Rusia?', 'why'],
    ['لماذا وقع الميثاق الأعظم؟', 'why'],
    ['Which Russian air defense system arrived in Niger?', 'what'],
    ['Apa nama mata uang Uzbekistan?', 'which'],
    ['What company agreed to end the court case with Virgin Media?', 'which'],
    ['Partai apa yang memerintah kota Melbourne?', 'which'],
    ['mata uang apakah yang digunakan di Iran?', 'which'],
    ['ما اسم الحرب التي دارت بين الصومال وإثيوبيا؟', 'which'],
    ['In which continent is Venezuela?', 'where'],
    ['في أي قارة تقع دولة فنزويلا؟', 'where'],
    ['What instrument is used to examine steam engines?', 'what'],
    ['ما نوع تقسيم السلطة الذي كانت تتمتع به حكومة كوبلاي؟', 'what'],
    ['Did Russia send troops?', 'yesNo'],
    ['هل وصلت القوات الروسية؟', 'yesNo'],
    ['Bagaimana sistem pemerintahan Pakistan?', 'how'],
    ['Russian forces at the air base', 'other'],
  ])('GIVEN %j THEN it asks for a %s answer', (question, kind) => {
    expect(classifyQuestion(question).kind).toBe(kind);
  });

  it.each([
    ['What is a breakwater?', true],
    ['Apa itu dermaga?', true],
    ['Apa yang dimaksud komunikasi dua arah?', true],
    ['ما هو الرصيف؟', true],
    ['who is Mohamed Bazoum?', true],
    ['Who is the Kremlin spokesman?', false],
    ['What did Peskov say about Africa?', false],
    ['ما هي حرب الخنادق؟', true],
    ['Apa itu Penghargaan Nobel?', true],
    ['Apakah nama gereja tertua di Semarang?', false],
  ])('GIVEN %j THEN asking for a definition is %s', (question, definition) => {
    expect(classifyQuestion(question).definition).toBe(definition);
  });

  it.each([
    ['متى توفي الروائي حنا مينه؟', 'end'],
    ['When did Niger end EU cooperation?', 'end'],
    ['Kapan Yuchi Jingde lahir?', 'start'],
    ['In what year was the university founded?', 'start'],
    ['When did the harbour reopen?', null],
    ['Who founded the harbour?', null],
  ])('GIVEN %j THEN it asks about the %s of a span of time', (question, edge) => {
    expect(classifyQuestion(question).edge).toBe(edge);
  });

  it.each([
    ['Berapa luas Kabupaten Donggala?', 'area'],
    ['How long did the siege of Niamey last?', 'duration'],
    ['How long is the Niger river?', 'length'],
    ['Berapa biaya produksi film Fences?', 'money'],
    ['كم تبلغ مساحة النيجر؟', 'area'],
    ['How many French troops were in Niger?', null],
    ['Who founded the harbour?', null],
  ])('GIVEN %j THEN the amount it asks for is measured as %s', (question, measure) => {
    expect(classifyQuestion(question).measure).toBe(measure);
  });
});
