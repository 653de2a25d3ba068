# ruff: noqa: E501 - sentences in other scripts are kept whole where a split would fall mid-word
"""Draft translations of the demo pages, for the demo only: every page they make says it is a draft translation
awaiting professional review (templates/components/draft_translation_notice.html).

Each entry translates one English sentence of the demo content exactly as it stands (demo/content/), literally and
saying nothing the English does not. People's names stay in the Latin script they have in the English, so no
spelling of a real person's name is invented. A sentence whose English changes no longer matches, so that part of
the page shows the new English until a translator's PO file brings it back (docs/languages.md): a translation never
outlives the wording it was made from. Placeholder notes for the comms team and quoted public posts stay in English.
"""

# The English of the demo pages, named once; each language below gives its text for the same names.
ENGLISH = {
    "site_title": "Hard calls save lives",
    "campaign_line": "Calling about knife crime may be hard. There are harder calls.",
    "premise_1": "Five mothers whose sons were killed by knife crime tell, in short films, about the first calls "
    "they had to make after their sons died.",
    "premise_2": "Picking up the phone to Crimestoppers may be difficult. It could stop another family having to "
    "make a far harder call. No piece of information is too small: it can help build a wider picture that prevents "
    "crime and saves a life.",
    "stories_heading": "Five mothers. Five calls.",
    "anonymity_heading": "Why it is anonymous",
    "anonymity_text": "Crimestoppers is a crime prevention charity. You do not give your name. Calls are not traced "
    "and there is no caller ID. When you report online, your IP address is removed.",
    "stories_title": "Stories",
    "stories_intro": "Five mothers, and the first calls they had to make after their sons were killed.",
    "lillian_title": "Lillian and Quamari",
    "lillian_call": "Lillian had to phone her aunt and tell her that Quamari had been killed.",
    "lillian_summary": "Quamari was stabbed and killed. Lillian had to phone her aunt and tell her.",
    "content_note": "This story is about a young man who was killed with a knife, and about his family's grief. "
    "You may find it upsetting.",
    "lillian_1": "Lillian's son, Quamari, was stabbed and killed.",
    "lillian_2": "One of the first calls she had to make afterwards was to her aunt, to tell her he was dead.",
    "lillian_3": "Calling Crimestoppers can feel hard. It is not as hard as the call Lillian had to make.",
    "lillian_alt": "Placeholder image, not a photograph of anyone. The portrait of Lillian goes here.",
    "dwayne_title": "Dwayne's story",
    "dwayne_summary": "At 19 Dwayne started a group to keep children out of gangs. Before he turned 21 he was "
    "stabbed protecting a boy.",
    "godwin_title": "Godwin's story",
    "godwin_summary": "Godwin was 17, with a scholarship at Oxford United's academy. He was stabbed to death saving "
    "a friend.",
    "archie_title": "Becky and Archie",
}

TRANSLATIONS = {
    "bn": {
        "site_title": "কঠিন কল জীবন বাঁচায়",
        "campaign_line": "ছুরি দিয়ে অপরাধ সম্পর্কে কল করা কঠিন হতে পারে। এর চেয়েও কঠিন কল আছে।",
        "premise_1": "পাঁচজন মা, যাঁদের ছেলেরা ছুরি দিয়ে অপরাধে নিহত হয়েছে, ছোট ছোট ফিল্মে বলছেন ছেলেদের মৃত্যুর পর "
        "তাঁদের প্রথম যে কলগুলো করতে হয়েছিল তার কথা।",
        "premise_2": "Crimestoppers-কে ফোন করা কঠিন হতে পারে। এতে হয়তো আরেকটি পরিবারকে এর চেয়ে অনেক কঠিন একটি কল "
        "করতে হবে না। কোনো তথ্যই খুব ছোট নয়: এটি একটি বড় চিত্র তৈরি করতে সাহায্য করতে পারে, যা অপরাধ ঠেকায় এবং "
        "একটি জীবন বাঁচায়।",
        "stories_heading": "পাঁচজন মা। পাঁচটি কল।",
        "anonymity_heading": "কেন এটি বেনামী",
        "anonymity_text": "Crimestoppers অপরাধ প্রতিরোধের একটি দাতব্য সংস্থা। আপনি আপনার নাম দেন না। কল ট্রেস করা হয় "
        "না এবং কোনো কলার আইডি থাকে না। অনলাইনে জানালে আপনার IP ঠিকানা মুছে ফেলা হয়।",
        "stories_title": "গল্প",
        "stories_intro": "পাঁচজন মা, এবং ছেলেরা নিহত হওয়ার পর তাঁদের প্রথম যে কলগুলো করতে হয়েছিল।",
        "lillian_title": "Lillian ও Quamari",
        "lillian_call": "Lillian-কে তাঁর আন্টিকে ফোন করে জানাতে হয়েছিল যে Quamari নিহত হয়েছে।",
        "lillian_summary": "Quamari-কে ছুরিকাঘাত করে হত্যা করা হয়। Lillian-কে তাঁর আন্টিকে ফোন করে জানাতে হয়েছিল।",
        "content_note": "এই গল্পটি ছুরির আঘাতে নিহত এক তরুণ এবং তাঁর পরিবারের শোক নিয়ে। এটি আপনাকে কষ্ট দিতে পারে।",
        "lillian_1": "Lillian-এর ছেলে Quamari-কে ছুরিকাঘাত করে হত্যা করা হয়।",
        "lillian_2": "এরপর তাঁকে প্রথম যে কলগুলো করতে হয়েছিল তার একটি ছিল তাঁর আন্টিকে, তাঁকে জানাতে যে সে মারা গেছে।",
        "lillian_3": "Crimestoppers-কে কল করা কঠিন মনে হতে পারে। Lillian-কে যে কলটি করতে হয়েছিল, তার মতো কঠিন নয়।",
        "lillian_alt": "অস্থায়ী ছবি, কারও ফটোগ্রাফ নয়। Lillian-এর প্রতিকৃতি এখানে বসবে।",
        "dwayne_title": "Dwayne-এর গল্প",
        "dwayne_summary": "১৯ বছর বয়সে Dwayne শিশুদের গ্যাং থেকে দূরে রাখতে একটি দল শুরু করেন। ২১ বছর পূর্ণ হওয়ার "
        "আগেই একটি ছেলেকে রক্ষা করতে গিয়ে তিনি ছুরিকাহত হন।",
        "godwin_title": "Godwin-এর গল্প",
        "godwin_summary": "Godwin-এর বয়স ছিল ১৭, Oxford United-এর একাডেমিতে তাঁর একটি স্কলারশিপ ছিল। এক বন্ধুকে "
        "বাঁচাতে গিয়ে তাঁকে ছুরিকাঘাতে হত্যা করা হয়।",
        "archie_title": "Becky ও Archie",
    },
    "ar": {
        "site_title": "المكالمات الصعبة تنقذ الأرواح",
        "campaign_line": "قد يكون الاتصال بشأن جرائم السكاكين صعبًا. هناك مكالمات أصعب.",
        "premise_1": "خمس أمهات قُتل أبناؤهن في جرائم السكاكين يتحدثن، في أفلام قصيرة، عن أولى المكالمات التي "
        "اضطررن إلى إجرائها بعد وفاة أبنائهن.",
        "premise_2": "قد يكون الاتصال بـ Crimestoppers صعبًا. لكنه قد يجنّب عائلة أخرى إجراء مكالمة أصعب بكثير. لا "
        "توجد معلومة صغيرة جدًا: يمكنها أن تساعد في تكوين صورة أوسع تمنع الجريمة وتنقذ حياة.",
        "stories_heading": "خمس أمهات. خمس مكالمات.",
        "anonymity_heading": "لماذا يبقى الاتصال دون الكشف عن الهوية",
        "anonymity_text": "Crimestoppers جمعية خيرية لمنع الجريمة. أنت لا تعطي اسمك. لا يتم تتبع المكالمات ولا "
        "يظهر رقم المتصل. عندما تبلّغ عبر الإنترنت، يُحذف عنوان IP الخاص بك.",
        "stories_title": "القصص",
        "stories_intro": "خمس أمهات، وأولى المكالمات التي اضطررن إلى إجرائها بعد مقتل أبنائهن.",
        "lillian_title": "Lillian و Quamari",
        "lillian_call": "اضطرت Lillian إلى الاتصال بعمتها أو خالتها لتخبرها أن Quamari قد قُتل.",
        "lillian_summary": "طُعن Quamari وقُتل. اضطرت Lillian إلى الاتصال بعمتها أو خالتها لتخبرها.",
        "content_note": "تتحدث هذه القصة عن شاب قُتل بسكين، وعن حزن عائلته. قد تجدها مؤلمة.",
        "lillian_1": "طُعن Quamari، ابن Lillian، وقُتل.",
        "lillian_2": "كانت إحدى أولى المكالمات التي اضطرت إلى إجرائها بعد ذلك إلى عمتها أو خالتها، لتخبرها أنه قد مات.",
        "lillian_3": "قد يبدو الاتصال بـ Crimestoppers صعبًا. لكنه ليس بصعوبة المكالمة التي اضطرت Lillian إلى إجرائها.",
        "lillian_alt": "صورة مؤقتة، ليست صورة فوتوغرافية لأي شخص. توضع صورة Lillian هنا.",
        "dwayne_title": "قصة Dwayne",
        "dwayne_summary": "في سن 19 أسس Dwayne مجموعة لإبعاد الأطفال عن العصابات. وقبل أن يبلغ 21 عامًا طُعن وهو "
        "يحمي صبيًا.",
        "godwin_title": "قصة Godwin",
        "godwin_summary": "كان Godwin في السابعة عشرة، ولديه منحة في أكاديمية Oxford United. طُعن حتى الموت وهو ينقذ "
        "صديقًا.",
        "archie_title": "Becky و Archie",
    },
    "ur": {
        "site_title": "مشکل کالیں جانیں بچاتی ہیں",
        "campaign_line": "چاقو سے جرائم کے بارے میں کال کرنا مشکل ہو سکتا ہے۔ اس سے بھی مشکل کالیں ہوتی ہیں۔",
        "premise_1": "پانچ مائیں، جن کے بیٹے چاقو کے جرائم میں مارے گئے، مختصر فلموں میں ان پہلی کالوں کے بارے میں "
        "بتاتی ہیں جو انہیں اپنے بیٹوں کی موت کے بعد کرنی پڑیں۔",
        "premise_2": "Crimestoppers کو فون کرنا مشکل ہو سکتا ہے۔ اس سے کسی اور خاندان کو اس سے کہیں زیادہ مشکل کال کرنے "
        "سے بچایا جا سکتا ہے۔ کوئی بھی معلومات بہت چھوٹی نہیں: یہ ایک بڑی تصویر بنانے میں مدد دے سکتی ہے جو جرم کو "
        "روکتی ہے اور ایک جان بچاتی ہے۔",
        "stories_heading": "پانچ مائیں۔ پانچ کالیں۔",
        "anonymity_heading": "یہ گمنام کیوں ہے",
        "anonymity_text": "Crimestoppers جرائم کی روک تھام کا ایک خیراتی ادارہ ہے۔ آپ اپنا نام نہیں دیتے۔ کالیں ٹریس "
        "نہیں کی جاتیں اور کالر آئی ڈی نہیں ہوتی۔ جب آپ آن لائن رپورٹ کرتے ہیں تو آپ کا IP پتہ ہٹا دیا جاتا ہے۔",
        "stories_title": "کہانیاں",
        "stories_intro": "پانچ مائیں، اور وہ پہلی کالیں جو انہیں اپنے بیٹوں کے قتل کے بعد کرنی پڑیں۔",
        "lillian_title": "Lillian اور Quamari",
        "lillian_call": "Lillian کو اپنی آنٹی کو فون کر کے بتانا پڑا کہ Quamari کو قتل کر دیا گیا ہے۔",
        "lillian_summary": "Quamari کو چاقو مار کر قتل کر دیا گیا۔ Lillian کو اپنی آنٹی کو فون کر کے بتانا پڑا۔",
        "content_note": "یہ کہانی ایک نوجوان کے بارے میں ہے جسے چاقو سے قتل کیا گیا، اور اس کے خاندان کے غم کے بارے "
        "میں۔ یہ آپ کو پریشان کر سکتی ہے۔",
        "lillian_1": "Lillian کے بیٹے Quamari کو چاقو مار کر قتل کر دیا گیا۔",
        "lillian_2": "اس کے بعد انہیں جو پہلی کالیں کرنی پڑیں ان میں سے ایک ان کی آنٹی کو تھی، یہ بتانے کے لیے کہ وہ "
        "مر چکا ہے۔",
        "lillian_3": "Crimestoppers کو کال کرنا مشکل محسوس ہو سکتا ہے۔ یہ اتنا مشکل نہیں جتنی وہ کال جو Lillian کو کرنی "
        "پڑی۔",
        "lillian_alt": "عارضی تصویر، کسی کی تصویر نہیں۔ Lillian کی تصویر یہاں آئے گی۔",
        "dwayne_title": "Dwayne کی کہانی",
        "dwayne_summary": "19 سال کی عمر میں Dwayne نے بچوں کو گینگز سے دور رکھنے کے لیے ایک گروپ شروع کیا۔ 21 سال کا "
        "ہونے سے پہلے ہی ایک لڑکے کی حفاظت کرتے ہوئے اسے چاقو مار دیا گیا۔",
        "godwin_title": "Godwin کی کہانی",
        "godwin_summary": "Godwin کی عمر 17 سال تھی، اور اس کے پاس Oxford United کی اکیڈمی میں اسکالرشپ تھی۔ ایک دوست "
        "کو بچاتے ہوئے اسے چاقو مار کر قتل کر دیا گیا۔",
        "archie_title": "Becky اور Archie",
    },
    "pl": {
        "site_title": "Trudne telefony ratują życie",
        "campaign_line": "Telefon w sprawie przestępstw z użyciem noża może być trudny. Są trudniejsze telefony.",
        "premise_1": "Pięć matek, których synowie zginęli w wyniku przestępstw z użyciem noża, opowiada w krótkich "
        "filmach o pierwszych telefonach, które musiały wykonać po śmierci synów.",
        "premise_2": "Telefon do Crimestoppers może być trudny. Może sprawić, że inna rodzina nie będzie musiała "
        "wykonać o wiele trudniejszego telefonu. Żadna informacja nie jest zbyt mała: może pomóc stworzyć szerszy "
        "obraz, który zapobiega przestępstwom i ratuje życie.",
        "stories_heading": "Pięć matek. Pięć telefonów.",
        "anonymity_heading": "Dlaczego to jest anonimowe",
        "anonymity_text": "Crimestoppers to organizacja charytatywna zapobiegająca przestępczości. Nie podajesz "
        "swojego nazwiska. Połączenia nie są namierzane i nie ma identyfikacji rozmówcy. Gdy zgłaszasz przez "
        "internet, Twój adres IP jest usuwany.",
        "stories_title": "Historie",
        "stories_intro": "Pięć matek i pierwsze telefony, które musiały wykonać po tym, jak ich synowie zostali zabici.",
        "lillian_title": "Lillian i Quamari",
        "lillian_call": "Lillian musiała zadzwonić do swojej ciotki i powiedzieć jej, że Quamari został zabity.",
        "lillian_summary": "Quamari został zadźgany nożem. Lillian musiała zadzwonić do swojej ciotki i jej to "
        "powiedzieć.",
        "content_note": "Ta historia opowiada o młodym mężczyźnie, który został zabity nożem, i o żałobie jego rodziny. "
        "Może być dla Ciebie trudna.",
        "lillian_1": "Syn Lillian, Quamari, został zadźgany nożem.",
        "lillian_2": "Jeden z pierwszych telefonów, które musiała potem wykonać, był do jej ciotki, aby powiedzieć jej, "
        "że on nie żyje.",
        "lillian_3": "Telefon do Crimestoppers może wydawać się trudny. Nie jest tak trudny jak telefon, który musiała "
        "wykonać Lillian.",
        "lillian_alt": "Obraz tymczasowy, nie jest to zdjęcie żadnej osoby. Tu znajdzie się portret Lillian.",
        "dwayne_title": "Historia Dwayne’a",
        "dwayne_summary": "W wieku 19 lat Dwayne założył grupę, aby chronić dzieci przed gangami. Zanim skończył 21 lat, "
        "został dźgnięty nożem, gdy chronił chłopca.",
        "godwin_title": "Historia Godwina",
        "godwin_summary": "Godwin miał 17 lat i stypendium w akademii Oxford United. Został zadźgany nożem, gdy ratował "
        "przyjaciela.",
        "archie_title": "Becky i Archie",
    },
    "ro": {
        "site_title": "Apelurile grele salvează vieți",
        "campaign_line": "Un apel despre infracțiunile cu cuțitul poate fi greu. Există apeluri mai grele.",
        "premise_1": "Cinci mame ai căror fii au fost uciși în infracțiuni cu cuțitul povestesc, în filme scurte, "
        "despre primele apeluri pe care au trebuit să le facă după moartea fiilor lor.",
        "premise_2": "Un telefon la Crimestoppers poate fi dificil. Ar putea scuti o altă familie de un apel mult mai "
        "greu. Nicio informație nu este prea mică: poate ajuta la conturarea unei imagini mai largi care previne "
        "infracțiunile și salvează o viață.",
        "stories_heading": "Cinci mame. Cinci apeluri.",
        "anonymity_heading": "De ce este anonim",
        "anonymity_text": "Crimestoppers este o organizație caritabilă de prevenire a infracțiunilor. Nu vă dați numele. "
        "Apelurile nu sunt urmărite și nu există identificarea apelantului. Când raportați online, adresa IP vă "
        "este ștearsă.",
        "stories_title": "Povești",
        "stories_intro": "Cinci mame și primele apeluri pe care au trebuit să le facă după ce fiii lor au fost uciși.",
        "lillian_title": "Lillian și Quamari",
        "lillian_call": "Lillian a trebuit să-și sune mătușa și să-i spună că Quamari fusese ucis.",
        "lillian_summary": "Quamari a fost înjunghiat și ucis. Lillian a trebuit să-și sune mătușa și să-i spună.",
        "content_note": "Această poveste este despre un tânăr care a fost ucis cu un cuțit și despre durerea familiei "
        "lui. S-ar putea să vă tulbure.",
        "lillian_1": "Fiul lui Lillian, Quamari, a fost înjunghiat și ucis.",
        "lillian_2": "Unul dintre primele apeluri pe care a trebuit să le facă după aceea a fost către mătușa ei, ca "
        "să-i spună că el murise.",
        "lillian_3": "Un apel la Crimestoppers poate părea greu. Nu este la fel de greu ca apelul pe care a trebuit să-l "
        "facă Lillian.",
        "lillian_alt": "Imagine provizorie, nu este fotografia nimănui. Aici va fi portretul lui Lillian.",
        "dwayne_title": "Povestea lui Dwayne",
        "dwayne_summary": "La 19 ani, Dwayne a înființat un grup pentru a ține copiii departe de bande. Înainte să "
        "împlinească 21 de ani, a fost înjunghiat în timp ce proteja un băiat.",
        "godwin_title": "Povestea lui Godwin",
        "godwin_summary": "Godwin avea 17 ani și o bursă la academia Oxford United. A fost înjunghiat mortal în timp ce "
        "salva un prieten.",
        "archie_title": "Becky și Archie",
    },
    "tr": {
        "site_title": "Zor aramalar hayat kurtarır",
        "campaign_line": "Bıçaklı suçlar hakkında aramak zor olabilir. Daha zor aramalar var.",
        "premise_1": "Oğulları bıçaklı suçlarda öldürülen beş anne, kısa filmlerde, oğullarının ölümünden sonra yapmak "
        "zorunda kaldıkları ilk aramaları anlatıyor.",
        "premise_2": "Crimestoppers'ı aramak zor olabilir. Bu, başka bir ailenin çok daha zor bir arama yapmasını "
        "önleyebilir. Hiçbir bilgi çok küçük değildir: suçu önleyen ve bir hayat kurtaran daha geniş bir tablonun "
        "oluşmasına yardım edebilir.",
        "stories_heading": "Beş anne. Beş arama.",
        "anonymity_heading": "Neden isimsiz",
        "anonymity_text": "Crimestoppers suçu önlemeye çalışan bir yardım kuruluşudur. Adınızı vermezsiniz. Aramalar "
        "izlenmez ve arayan numara görünmez. İnternetten bildirdiğinizde IP adresiniz silinir.",
        "stories_title": "Hikâyeler",
        "stories_intro": "Beş anne ve oğulları öldürüldükten sonra yapmak zorunda kaldıkları ilk aramalar.",
        "lillian_title": "Lillian ve Quamari",
        "lillian_call": "Lillian teyzesini ya da halasını arayıp Quamari'nin öldürüldüğünü söylemek zorunda kaldı.",
        "lillian_summary": "Quamari bıçaklanarak öldürüldü. Lillian teyzesini ya da halasını arayıp ona söylemek zorunda kaldı.",
        "content_note": "Bu hikâye bıçakla öldürülen genç bir adam ve ailesinin acısı hakkındadır. Sizi üzebilir.",
        "lillian_1": "Lillian'ın oğlu Quamari bıçaklanarak öldürüldü.",
        "lillian_2": "Sonrasında yapmak zorunda kaldığı ilk aramalardan biri, teyzesine ya da halasına onun öldüğünü söylemek içindi.",
        "lillian_3": "Crimestoppers'ı aramak zor gelebilir. Lillian'ın yapmak zorunda kaldığı arama kadar zor değil.",
        "lillian_alt": "Geçici görsel, kimsenin fotoğrafı değildir. Lillian'ın portresi buraya gelecek.",
        "dwayne_title": "Dwayne'in hikâyesi",
        "dwayne_summary": "Dwayne 19 yaşında çocukları çetelerden uzak tutmak için bir grup kurdu. 21 yaşına girmeden "
        "bir çocuğu korurken bıçaklandı.",
        "godwin_title": "Godwin'in hikâyesi",
        "godwin_summary": "Godwin 17 yaşındaydı ve Oxford United akademisinde bursu vardı. Bir arkadaşını kurtarırken "
        "bıçaklanarak öldürüldü.",
        "archie_title": "Becky ve Archie",
    },
}


def for_language(code):
    """{English sentence: its draft translation} for one language."""
    words = TRANSLATIONS.get(code, {})
    return {ENGLISH[name]: text for name, text in words.items()}
