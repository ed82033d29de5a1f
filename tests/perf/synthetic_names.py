"""Name stock for the synthetic-data generator: family, given and father's names as people of
Central Asia, Russia and the partner countries write them, in Latin and (where they have one) in
Cyrillic.

Each entry is ``"Latin|Кириллица"``. Family names are given in their masculine form; the
generator derives the feminine form (Atayev → Atayeva, Ataýew → Ataýewa, Атаев → Атаева) and the
patronymic (Serdar → Serdarowiç / Serdarowna, Сердарович / Сердаровна). Turkmen names are spelled
in Turkmen Latin (ý, w, ç, ş, ä, ö, ü, ň, ž), Uzbek ones in Uzbek Latin with its apostrophes
(Yo'ldoshev), the others as passports spell them.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class NameStock:
    """The names of one nationality, as ``(latin, local)`` pairs (``local`` may be empty)."""

    family: tuple[tuple[str, str], ...]
    male: tuple[tuple[str, str], ...]
    female: tuple[tuple[str, str], ...]
    fathers: tuple[tuple[str, str], ...]  # patronymic stems: + "ich"/"na" (Turkmen: "iç"/"na")
    turkmen_latin: bool = False


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    out = []
    for item in text.split(","):
        latin, _, local = item.strip().partition("|")
        out.append((latin.strip(), local.strip()))
    return tuple(out)


def _stems(given: tuple[tuple[str, str], ...], turkmen: bool) -> tuple[tuple[str, str], ...]:
    """Patronymic stems made from fathers' given names (Serdar → Serdarow, Сердар → Сердаров)."""
    stems = []
    for latin, local in given:
        vowel_end = latin[-1].lower() in "aeiouyäöüý"
        if turkmen:
            latin_stem = latin + ("ýew" if vowel_end else "ow")
        else:
            latin_stem = latin + ("yev" if vowel_end else "ov")
        if not local:
            local_stem = ""
        elif local.endswith("й"):
            local_stem = local[:-1] + "ев"
        elif local[-1] in "аеиоуыэюяь":
            local_stem = local + "ев"
        else:
            local_stem = local + "ов"
        stems.append((latin_stem, local_stem))
    return tuple(stems)


def _stock(family: str, male: str, female: str, *, turkmen: bool = False) -> NameStock:
    males = _pairs(male)
    return NameStock(_pairs(family), males, _pairs(female), _stems(males, turkmen), turkmen)


TURKMEN = _stock(
    "Ataýew|Атаев, Orazow|Оразов, Berdiýew|Бердиев, Annaýew|Аннаев, Gurbanow|Гурбанов,"
    " Hojaýew|Ходжаев, Amanow|Аманов, Nurmuhammedow|Нурмухаммедов, Saparow|Сапаров,"
    " Durdyýew|Дурдыев, Meredow|Мередов, Baýramow|Байрамов, Hallyýew|Халлыев, Çaryýew|Чарыев,"
    " Rejepow|Реджепов, Myradow|Мурадов, Şyhmyradow|Шихмурадов, Allaberdiýew|Аллабердиев,"
    " Garaýew|Караев, Jumaýew|Джумаев, Öwezow|Овезов, Nazarow|Назаров, Babaýew|Бабаев,"
    " Ýazmyradow|Язмурадов, Kakaýew|Какаев, Gylyjow|Гылыджов, Täçmyradow|Тачмурадов,"
    " Hudaýberdiýew|Худайбердиев, Agaýew|Агаев, Işanow|Ишанов, Mämmedow|Мамедов, Aşyrow|Аширов,"
    " Rahmanow|Рахманов, Sähedow|Сахедов, Pürliýew|Пурлиев, Ilamanow|Иламанов,"
    " Orazgeldiýew|Оразгельдиев, Halmyradow|Халмурадов, Çaryýarow|Чарыяров, Geldiýew|Гельдиев,"
    " Goşaýew|Гошаев, Atdaýew|Атдаев, Penjiýew|Пенджиев, Muhammedow|Мухаммедов,"
    " Begenjow|Бегенджов, Nepesow|Непесов, Ussaýew|Уссаев, Döwletow|Довлетов, Tagyýew|Тагиев,"
    " Hanow|Ханов, Bäşimow|Башимов, Ylýasow|Ильясов, Akmyradow|Акмурадов, Ýoldaşew|Йолдашев",
    "Serdar|Сердар, Merdan|Мердан, Myrat|Мурат, Batyr|Батыр, Döwlet|Довлет,"
    " Atamyrat|Атамурат, Rustam|Рустам, Maksat|Максат, Parahat|Парахат, Döwran|Довран,"
    " Berdi|Берди, Aşyr|Ашир, Kakajan|Какаджан, Ýusup|Юсуп, Begenç|Бегенч, Nury|Нуры,"
    " Ahmet|Ахмет, Arslan|Арслан, Bahtiýar|Бахтияр, Hojamyrat|Ходжамурат, Gurban|Гурбан,"
    " Ilmyrat|Ильмурат, Meret|Мерет, Resul|Ресул, Şatlyk|Шатлык, Täçmyrat|Тачмурат,"
    " Ýazgeldi|Язгельды, Annageldi|Аннагельды, Oraz|Ораз, Rahman|Рахман, Kerim|Керим,"
    " Jeýhun|Джейхун, Allaberdi|Аллаберды, Süleýman|Сулейман, Ýagmyr|Ягмур",
    "Jennet|Дженнет, Aýna|Айна, Maýsa|Майса, Gülnara|Гульнара, Bahar|Бахар, Ogulşat|Огулшат,"
    " Aýgül|Айгуль, Selbi|Сельби, Mähri|Мяхри, Jahan|Джахан, Leýla|Лейла, Enejan|Энеджан,"
    " Gözel|Гозель, Ogulbibi|Огулбиби, Mähriban|Мяхрибан, Läle|Ляле, Nurjemal|Нурджемал,"
    " Sona|Сона, Bibi|Биби, Aýjemal|Айджемал, Güljahan|Гульджахан, Şirin|Ширин, Merjen|Мерджен,"
    " Dünýä|Дунья",
    turkmen=True,
)

KAZAKH = _stock(
    "Nurlanov|Нурланов, Abenov|Абенов, Suleimenov|Сулейменов, Zhaksybekov|Жаксыбеков,"
    " Tokayev|Токаев, Iskakov|Искаков, Bekturov|Бектуров, Amanzholov|Аманжолов, Kassymov|Касымов,"
    " Mukhametov|Мухаметов, Sarsenbayev|Сарсенбаев, Omarov|Омаров, Zhumabayev|Жумабаев,"
    " Baimukhanov|Баймуханов, Akhmetov|Ахметов, Yessenov|Есенов, Utepov|Утепов,"
    " Kenzhebekov|Кенжебеков, Seitkali|Сейткали, Tulegenov|Тулегенов,"
    " Abdrakhmanov|Абдрахманов, Zhakupov|Жакупов, Mamyrov|Мамыров, Serikbayev|Серикбаев,"
    " Nurpeisov|Нурпеисов, Ospanov|Оспанов, Dauletov|Даулетов, Kaliyev|Калиев, Bekov|Беков,"
    " Ibrayev|Ибраев, Sultanbekov|Султанбеков, Tokhtarov|Тохтаров, Yermekov|Ермеков,"
    " Baigaliyev|Байгалиев, Shaikenov|Шайкенов, Kuanyshev|Куанышев, Mussin|Мусин,"
    " Zhanibekov|Жанибеков, Temirkhanov|Темирханов, Koshanov|Кошанов, Alimzhanov|Алимжанов,"
    " Yerzhanuly|Ержанулы, Smagulov|Смагулов, Bazarbayev|Базарбаев, Issabekov|Исабеков",
    "Nurlan|Нурлан, Serik|Серик, Yerlan|Ерлан, Daulet|Даулет, Asset|Асет, Kairat|Кайрат,"
    " Marat|Марат, Aidar|Айдар, Bakhyt|Бахыт, Arman|Арман, Yerzhan|Ержан, Askar|Аскар,"
    " Timur|Тимур, Bolat|Болат, Nurzhan|Нуржан, Zhandos|Жандос, Azamat|Азамат, Ruslan|Руслан,"
    " Dauren|Даурен, Sanzhar|Санжар, Olzhas|Олжас, Talgat|Талгат, Beibut|Бейбут, Yerbol|Ербол,"
    " Kanat|Канат",
    "Aigerim|Айгерим, Gulnara|Гульнара, Dinara|Динара, Saule|Сауле, Aliya|Алия, Zhanar|Жанар,"
    " Madina|Мадина, Assel|Асель, Aizhan|Айжан, Gulmira|Гульмира, Dana|Дана, Botagoz|Ботагоз,"
    " Ainur|Айнур, Karlygash|Карлыгаш, Zarina|Зарина, Akmaral|Акмарал, Laura|Лаура,"
    " Togzhan|Тогжан",
)

KYRGYZ = _stock(
    "Akmatov|Акматов, Mamytov|Мамытов, Sadyrov|Садыров, Toktogulov|Токтогулов, Asanov|Асанов,"
    " Usenov|Усенов, Kadyrov|Кадыров, Abdyldaev|Абдылдаев, Beishenaliev|Бейшеналиев,"
    " Osmonov|Осмонов, Toktomushev|Токтомушев, Sultanov|Султанов, Zhakypov|Жакыпов,"
    " Isakov|Исаков, Sydykov|Сыдыков, Mambetov|Мамбетов, Temirbekov|Темирбеков,"
    " Kurmanbekov|Курманбеков, Turdubaev|Турдубаев, Baktybekov|Бактыбеков, Chynybaev|Чыныбаев,"
    " Alymkulov|Алымкулов, Orozbekov|Орозбеков, Ismailov|Исмаилов, Moldokulov|Молдокулов,"
    " Dzhaparov|Джапаров, Aitmatov|Айтматов, Kasymaliev|Касымалиев, Zhoroev|Жороев,"
    " Bakirov|Бакиров, Tashiev|Ташиев, Abdykadyrov|Абдыкадыров, Sariev|Сариев,"
    " Nurmatov|Нурматов, Ryskulov|Рыскулов",
    "Almazbek|Алмазбек, Bakyt|Бакыт, Nurbek|Нурбек, Azamat|Азамат, Ulan|Улан,"
    " Kubanychbek|Кубанычбек, Talant|Талант, Emil|Эмиль, Adilet|Адилет, Aibek|Айбек,"
    " Chyngyz|Чынгыз, Bektur|Бектур, Mirlan|Мирлан, Ermek|Эрмек, Zhyrgalbek|Жыргалбек,"
    " Nurlan|Нурлан, Marat|Марат, Kanybek|Каныбек, Tilek|Тилек, Bolot|Болот, Sadyr|Садыр,"
    " Ruslan|Руслан, Temirlan|Темирлан",
    "Aida|Аида, Aizada|Айзада, Cholpon|Чолпон, Gulzat|Гульзат, Nazgul|Назгуль, Asel|Асель,"
    " Aigul|Айгуль, Meerim|Мээрим, Zhyldyz|Жылдыз, Begimai|Бегимай, Kanykei|Каныкей,"
    " Elnura|Элнура, Aisuluu|Айсулуу, Dinara|Динара, Saltanat|Салтанат",
)

TAJIK = _stock(
    "Rahmonov|Рахмонов, Rahimov|Рахимов, Nazarov|Назаров, Saidov|Саидов, Karimov|Каримов,"
    " Sharipov|Шарипов, Davlatov|Давлатов, Khudoyorov|Худоёров, Safarov|Сафаров,"
    " Mirzoev|Мирзоев, Qurbonov|Курбонов, Ismoilov|Исмоилов, Sattorov|Сатторов, Boboev|Бобоев,"
    " Abdulloev|Абдуллоев, Rajabov|Раджабов, Odinaev|Одинаев, Nurov|Нуров, Yusufov|Юсуфов,"
    " Hakimov|Хакимов, Juraev|Джураев, Rustamzoda|Рустамзода, Sharifzoda|Шарифзода,"
    " Davlatzoda|Давлатзода, Saidzoda|Саидзода, Qodirov|Кодиров, Olimov|Олимов, Sobirov|Собиров,"
    " Fayzulloev|Файзуллоев, Mahmadaliev|Махмадалиев, Negmatov|Негматов, Ashurov|Ашуров,"
    " Hasanov|Хасанов, Shodmonov|Шодмонов, Yorov|Ёров, Yodgorov|Ёдгоров, Ergashev|Эргашев",
    "Rustam|Рустам, Firuz|Фируз, Farrukh|Фаррух, Bakhtiyor|Бахтиёр, Dilshod|Дилшод,"
    " Jamshed|Джамшед, Sherali|Шерали, Umed|Умед, Faridun|Фаридун, Sukhrob|Сухроб,"
    " Khurshed|Хуршед, Parviz|Парвиз, Davron|Даврон, Zafar|Зафар, Shuhrat|Шухрат, Nozim|Нозим,"
    " Manuchehr|Манучехр, Saidjon|Саиджон, Abdullo|Абдулло, Mahmadali|Махмадали,"
    " Ismoil|Исмоил, Behruz|Бехруз, Komron|Комрон, Anvar|Анвар, Odil|Одил",
    "Nigora|Нигора, Malika|Малика, Zarina|Зарина, Mehrangez|Мехрангез, Tahmina|Тахмина,"
    " Shahnoza|Шахноза, Manizha|Манижа, Farzona|Фарзона, Dilnoza|Дильноза, Gulnora|Гульнора,"
    " Parvina|Парвина, Nilufar|Нилуфар, Firuza|Фируза, Sitora|Ситора, Mavluda|Мавлюда,"
    " Zulfiya|Зульфия, Mohira|Мохира, Nargis|Наргис",
)

UZBEK = _stock(
    "Yusupov|Юсупов, Rakhimov|Рахимов, Abdullaev|Абдуллаев, Usmonov|Усмонов, Khodjaev|Ходжаев,"
    " Ergashev|Эргашев, Tursunov|Турсунов, Aliev|Алиев, Sultonov|Султонов, Nurmatov|Нурматов,"
    " Sobirov|Собиров, Ismoilov|Исмоилов, Kadirov|Кадыров, Mahmudov|Махмудов, Rashidov|Рашидов,"
    " Saidov|Саидов, Juraev|Жураев, Mirzaev|Мирзаев, Alimov|Алимов, Umarov|Умаров,"
    " Xolmatov|Холматов, Qodirov|Кодиров, Shukurov|Шукуров, Azimov|Азимов, Norboev|Норбоев,"
    " Toshpulatov|Тошпулатов, Yo'ldoshev|Юлдашев, G'aniev|Ганиев, To'xtayev|Тухтаев,"
    " Hamroev|Хамроев, Ortiqov|Ортиков, Ibragimov|Ибрагимов, Kurbanov|Курбанов,"
    " Ahmedov|Ахмедов, Fayzullaev|Файзуллаев, Tojiboev|Тожибоев, Karimov|Каримов",
    "Rustam|Рустам, Jasur|Жасур, Sherzod|Шерзод, Bekzod|Бекзод, Otabek|Отабек,"
    " Ulug'bek|Улугбек, Dilshod|Дилшод, Sardor|Сардор, Aziz|Азиз, Farhod|Фарход,"
    " Javlon|Жавлон, Bobur|Бобур, Akmal|Акмал, Shavkat|Шавкат, Anvar|Анвар, Sanjar|Санжар,"
    " Timur|Тимур, Nodir|Нодир, Abdulaziz|Абдулазиз, Jahongir|Жахонгир, Bahodir|Баходир,"
    " Ravshan|Равшан, Oybek|Ойбек, Islom|Ислом, Mirjalol|Миржалол",
    "Dilnoza|Дилноза, Gulnora|Гульнора, Nodira|Нодира, Malika|Малика, Shahnoza|Шахноза,"
    " Feruza|Феруза, Zilola|Зилола, Madina|Мадина, Nilufar|Нилуфар, Dildora|Дилдора,"
    " Sevara|Севара, Kamola|Камола, Mohinur|Мохинур, Gulchehra|Гульчехра, Barno|Барно,"
    " Umida|Умида, Yulduz|Юлдуз, Lola|Лола",
)

_russian_fathers = _pairs(
    "Aleksandrov|Александров, Sergeyev|Сергеев, Mikhaylov|Михайлов, Igorev|Игорев,"
    " Yuryev|Юрьев, Petrov|Петров, Fyodorov|Фёдоров, Nikolayev|Николаев, Dmitriyev|Дмитриев,"
    " Andreyev|Андреев, Vladimirov|Владимиров, Ivanov|Иванов, Viktorov|Викторов, Pavlov|Павлов,"
    " Olegov|Олегов, Anatolyev|Анатольев, Vasilyev|Васильев, Gennadyev|Геннадьев,"
    " Borisov|Борисов, Valeryev|Валерьев, Semyonov|Семёнов"
)
RUSSIAN = dataclasses.replace(
    _stock(
        "Ivanov|Иванов, Smirnov|Смирнов, Kuznetsov|Кузнецов, Popov|Попов, Sokolov|Соколов,"
        " Lebedev|Лебедев, Kozlov|Козлов, Novikov|Новиков, Morozov|Морозов, Petrov|Петров,"
        " Volkov|Волков, Solovyov|Соловьёв, Vasilyev|Васильев, Zaitsev|Зайцев, Pavlov|Павлов,"
        " Semyonov|Семёнов, Golubev|Голубев, Vinogradov|Виноградов, Bogdanov|Богданов,"
        " Vorobyov|Воробьёв, Fyodorov|Фёдоров, Mikhailov|Михайлов, Belyaev|Беляев,"
        " Tarasov|Тарасов, Belov|Белов, Komarov|Комаров, Orlov|Орлов, Kiselyov|Киселёв,"
        " Makarov|Макаров, Andreev|Андреев, Kovalyov|Ковалёв, Ilyin|Ильин, Gusev|Гусев,"
        " Titov|Титов, Kuzmin|Кузьмин, Kudryavtsev|Кудрявцев, Baranov|Баранов,"
        " Kulikov|Куликов, Alekseev|Алексеев, Stepanov|Степанов, Yakovlev|Яковлев,"
        " Sorokin|Сорокин, Sergeev|Сергеев, Romanov|Романов, Zakharov|Захаров, Borisov|Борисов,"
        " Korolyov|Королёв, Gerasimov|Герасимов, Grigoryev|Григорьев, Shevchenko|Шевченко,"
        " Kovalenko|Коваленко, Bondarenko|Бондаренко",
        "Aleksandr|Александр, Sergey|Сергей, Dmitry|Дмитрий, Andrey|Андрей, Aleksey|Алексей,"
        " Maksim|Максим, Vladimir|Владимир, Ivan|Иван, Mikhail|Михаил, Nikolay|Николай,"
        " Yevgeny|Евгений, Pavel|Павел, Oleg|Олег, Igor|Игорь, Viktor|Виктор, Yury|Юрий,"
        " Artyom|Артём, Roman|Роман, Denis|Денис, Konstantin|Константин, Fyodor|Фёдор,"
        " Pyotr|Пётр, Stanislav|Станислав, Vadim|Вадим, Anton|Антон",
        "Yelena|Елена, Olga|Ольга, Tatyana|Татьяна, Natalya|Наталья, Irina|Ирина,"
        " Svetlana|Светлана, Anna|Анна, Mariya|Мария, Yekaterina|Екатерина, Yulia|Юлия,"
        " Anastasia|Анастасия, Marina|Марина, Galina|Галина, Lyudmila|Людмила, Oksana|Оксана,"
        " Alyona|Алёна, Kseniya|Ксения, Daria|Дарья, Viktoria|Виктория",
    ),
    fathers=_russian_fathers,
)

# Partner countries: names in Latin only, no patronymics.
_AFGHAN = _stock(
    "Ahmadzai, Karimi, Rahimi, Safi, Noori, Hashimi, Popal, Wardak, Sultani, Amiri, Hotak,"
    " Stanekzai, Sadat, Rasuli",
    "Ahmad, Mohammad, Abdul, Hamid, Farid, Najib, Wahid, Rahmatullah, Zabihullah, Sayed",
    "Fatima, Mariam, Zahra, Shabnam, Freshta, Mursal, Roya, Nargis",
)
_GERMAN = _stock(
    "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Hoffmann, Schulz, Koch,"
    " Richter, Klein, Wolf, Schröder",
    "Thomas, Michael, Andreas, Stefan, Christian, Markus, Jan, Tobias, Matthias, Jörg",
    "Anna, Julia, Katrin, Sabine, Claudia, Stefanie, Birgit, Jana",
)
_ENGLISH = _stock(
    "Smith, Johnson, Brown, Miller, Davis, Wilson, Taylor, Anderson, Clark, O'Connor, Walker,"
    " Hughes, Bennett",
    "John, David, Michael, Robert, James, Mark, Daniel, Peter, Richard",
    "Sarah, Emily, Jennifer, Laura, Rachel, Helen, Catherine, Susan",
)
_TURKISH = _stock(
    "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Öztürk, Aydın, Arslan, Doğan, Kılıç",
    "Mehmet, Mustafa, Ahmet, Emre, Murat, Serkan, Hakan, Burak",
    "Ayşe, Elif, Zeynep, Fatma, Merve, Esra",
)
_NORDIC_BALTIC = _stock(
    "Virtanen, Korhonen, Mäkinen, Nieminen, Kazlauskas, Petrauskas, Bērziņš, Kalniņš,"
    " Nowak, Wójcik, Johansson, Lindqvist",
    "Mikko, Juha, Antti, Tomas, Mindaugas, Jānis, Piotr, Lars, Erik",
    "Hanna, Laura, Rūta, Ilze, Agnieszka, Ingrid, Kristiina",
)

# Nationality, its name stock, and its share of the people. Stocks without Cyrillic entries give
# Latin-only names.
NATIONALITIES: tuple[tuple[str, NameStock, float], ...] = (
    ("TM", TURKMEN, 0.22),
    ("KZ", KAZAKH, 0.18),
    ("TJ", TAJIK, 0.17),
    ("KG", KYRGYZ, 0.15),
    ("UZ", UZBEK, 0.15),
    ("AF", _AFGHAN, 0.04),
    ("RU", RUSSIAN, 0.03),
    ("DE", _GERMAN, 0.015),
    ("US", _ENGLISH, 0.01),
    ("GB", _ENGLISH, 0.005),
    ("TR", _TURKISH, 0.01),
    ("FI", _NORDIC_BALTIC, 0.005),
    ("LT", _NORDIC_BALTIC, 0.005),
    ("PL", _NORDIC_BALTIC, 0.005),
)

# Turkmen Latin letters as a passport (ICAO) spelling writes them: Ataýew → Atayev.
PASSPORT_SPELLING = str.maketrans(
    {"ý": "y", "Ý": "Y", "w": "v", "W": "V", "ç": "ch", "Ç": "Ch", "ş": "sh", "Ş": "Sh",
     "ž": "zh", "Ž": "Zh", "ň": "n", "ä": "a", "Ä": "A", "ö": "o", "Ö": "O", "ü": "u", "Ü": "U"}
)  # fmt: skip


def feminine(latin: str, local: str) -> tuple[str, str]:
    """The feminine form of a family name (Atayev → Atayeva; Rustamzoda stays as it is)."""
    if latin.endswith(("ov", "ev", "ow", "ew", "in", "yn")):
        latin += "a"
    if local.endswith(("ов", "ев", "ёв", "ин", "ын")):
        local += "а"
    return latin, local


def patronymic(stem: tuple[str, str], female: bool, turkmen_latin: bool) -> tuple[str, str]:
    """Serdarow + male → Serdarowiç / Сердарович; + female → Serdarowna / Сердаровна."""
    latin, local = stem
    if female:
        return latin + "na", local and local + "на"
    return latin + ("iç" if turkmen_latin else "ich"), local and local + "ич"
