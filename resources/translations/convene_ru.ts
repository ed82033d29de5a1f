<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
  <context>
    <name>app.cli.__init__</name>
    <message>
      <source>Records of capacity-building events, their participants and partners.</source>
      <translation>Учёт мероприятий по наращиванию потенциала, их участников и партнёров.</translation>
    </message>
    <message>
      <source>With no command, the desktop application opens.</source>
      <translation>Без команды открывается настольное приложение.</translation>
    </message>
    <message>
      <source>SQLite file or SQLAlchemy URL (default: CONVENE_DB, else the per-user database)</source>
      <translation>файл SQLite или URL SQLAlchemy (по умолчанию: CONVENE_DB, иначе база данных пользователя)</translation>
    </message>
    <message>
      <source>the language of the application and of what commands write</source>
      <translation>язык приложения и того, что пишут команды</translation>
    </message>
    <message>
      <source>interrupted; nothing was written</source>
      <translation>прервано; ничего не записано</translation>
    </message>
    <message>
      <source>{describe_database_error} (details in {log_path})</source>
      <translation>{describe_database_error} (подробности в {log_path})</translation>
    </message>
  </context>
  <context>
    <name>app.cli.certificates</name>
    <message>
      <source>give the file to write with -o FILE.pdf</source>
      <translation>укажите файл для записи: -o FILE.pdf</translation>
    </message>
    <message>
      <source>'certificates {action}' takes one argument: {what}</source>
      <translation>'certificates {action}' принимает один аргумент: {what}</translation>
    </message>
    <message>
      <source>'certificates REF' takes one event reference; to verify a code use 'certificates verify CODE'</source>
      <translation>'certificates REF' принимает один номер мероприятия; чтобы проверить код, используйте 'certificates verify CODE'</translation>
    </message>
    <message>
      <source>cannot read {path}: {reason}</source>
      <translation>не удаётся прочитать {path}: {reason}</translation>
    </message>
    <message>
      <source>no one listed in {event} is '{person}'</source>
      <translation>в списке {event} нет '{person}'</translation>
    </message>
    <message>
      <source>'{person}' could be any of: {names}; give more of the name, or the id</source>
      <translation>'{person}' может быть любым из: {names}; укажите имя полнее или id</translation>
    </message>
    <message>
      <source>issue, print, verify and list certificates of attendance</source>
      <translation>выдача, печать, проверка и список сертификатов участия</translation>
    </message>
    <message>
      <source>Certificates of attendance: 'certificates REF -o FILE.pdf' issues (or reprints the current) certificates of an event's attendees; 'verify CODE' says whose certificate a verification code is; 'list REF' lists an event's register; 'logo FILE' sets the logo printed on certificates (kept in the database).</source>
      <translation>Сертификаты участия: 'certificates REF -o FILE.pdf' выдаёт (или печатает заново действующие) сертификаты участников мероприятия; 'verify CODE' сообщает, чей сертификат имеет этот код проверки; 'list REF' выводит реестр мероприятия; 'logo FILE' задаёт логотип, печатаемый на сертификатах (хранится в базе данных).</translation>
    </message>
    <message>
      <source>only this person's certificate (id or part of the name)</source>
      <translation>только сертификат этого человека (id или часть имени)</translation>
    </message>
    <message>
      <source>print JSON (verify, list)</source>
      <translation>вывести JSON (verify, list)</translation>
    </message>
    <message>
      <source>logo: remove the logo</source>
      <translation>logo: убрать логотип</translation>
    </message>
    <message>
      <source>{n} issued</source>
      <translation>выдано: {n}</translation>
    </message>
    <message>
      <source>, {n} reprinted</source>
      <translation>, напечатано заново: {n}</translation>
    </message>
    <message numerus="yes">
      <source>Wrote %n certificate(s) of {reference} ({done}; {pages}) to {path}</source>
      <translation>
        <numerusform>Записан %n сертификат мероприятия {reference} ({done}; {pages}) в {path}</numerusform>
        <numerusform>Записаны %n сертификата мероприятия {reference} ({done}; {pages}) в {path}</numerusform>
        <numerusform>Записано %n сертификатов мероприятия {reference} ({done}; {pages}) в {path}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n страница</numerusform>
        <numerusform>%n страницы</numerusform>
        <numerusform>%n страниц</numerusform>
      </translation>
    </message>
    <message>
      <source>superseded by {value}</source>
      <translation>заменён сертификатом {value}</translation>
    </message>
    <message>
      <source>  issued to {value} on {value2}</source>
      <translation>  выдан: {value}, {value2}</translation>
    </message>
    <message>
      <source>{n_entries} certificates of {reference}, {current} current</source>
      <translation>Сертификаты мероприятия {reference}: {n_entries}, действующих — {current}</translation>
    </message>
    <message>
      <source>No certificates issued for {reference} yet.</source>
      <translation>Сертификаты по мероприятию {reference} ещё не выдавались.</translation>
    </message>
    <message>
      <source>Set the certificate logo from {value}.</source>
      <translation>Логотип сертификатов взят из {value}.</translation>
    </message>
  </context>
  <context>
    <name>app.cli.common</name>
    <message>
      <source>Password for {value}: </source>
      <translation>Пароль для {value}: </translation>
    </message>
    <message>
      <source>Copied the database to {backup_path} before upgrading it.</source>
      <translation>Перед обновлением база данных скопирована в {backup_path}.</translation>
    </message>
    <message>
      <source>'{text}' is not a date (use YYYY-MM-DD)</source>
      <translation>'{text}' — не дата (используйте ГГГГ-ММ-ДД)</translation>
    </message>
  </context>
  <context>
    <name>app.cli.database</name>
    <message>
      <source>create or upgrade the database</source>
      <translation>создать или обновить базу данных</translation>
    </message>
    <message>
      <source>this office's code, e.g. TM (2-8 letters)</source>
      <translation>код этого офиса, например TM (2–8 букв)</translation>
    </message>
    <message>
      <source>this office's name, e.g. Ashgabat</source>
      <translation>название этого офиса, например Ашхабад</translation>
    </message>
    <message>
      <source>load the sample data set (safe to repeat)</source>
      <translation>загрузить пример данных (можно повторять)</translation>
    </message>
    <message>
      <source>write a complete copy of the database</source>
      <translation>записать полную копию базы данных</translation>
    </message>
    <message>
      <source>replace the database with a backup</source>
      <translation>заменить базу данных резервной копией</translation>
    </message>
    <message>
      <source>The sample data is already loaded; nothing added.</source>
      <translation>Пример данных уже загружен; ничего не добавлено.</translation>
    </message>
    <message>
      <source>Backup written to {path}</source>
      <translation>Резервная копия записана в {path}</translation>
    </message>
    <message>
      <source> (upgraded from schema {upgraded_from})</source>
      <translation> (обновлена со схемы {upgraded_from})</translation>
    </message>
    <message>
      <source>Restored {file}{upgraded}.</source>
      <translation>Восстановлено из {file}{upgraded}.</translation>
    </message>
    <message>
      <source>The replaced database was kept as {replaced_copy}</source>
      <translation>Заменённая база данных сохранена как {replaced_copy}</translation>
    </message>
    <message>
      <source>Loaded the sample data: {events} events, {organizations} organisations, {projects} projects, {people} people, {participations} participations, {partners} partner roles.</source>
      <translation>Пример данных загружен: мероприятий — {events}, организаций — {organizations}, проектов — {projects}, людей — {people}, участий — {participations}, ролей партнёров — {partners}.</translation>
    </message>
  </context>
  <context>
    <name>app.cli.events</name>
    <message numerus="yes">
      <source>%n event(s)</source>
      <translation>
        <numerusform>%n мероприятие</numerusform>
        <numerusform>%n мероприятия</numerusform>
        <numerusform>%n мероприятий</numerusform>
      </translation>
    </message>
    <message>
      <source>list, add, edit and show events</source>
      <translation>список, добавление, правка и просмотр мероприятий</translation>
    </message>
    <message>
      <source>list the events, newest first</source>
      <translation>список мероприятий, сначала новые</translation>
    </message>
    <message>
      <source>print JSON</source>
      <translation>вывести JSON</translation>
    </message>
    <message>
      <source>add an event</source>
      <translation>добавить мероприятие</translation>
    </message>
    <message>
      <source>the title in Russian</source>
      <translation>название на русском языке</translation>
    </message>
    <message>
      <source>ISO 3166 code or country name</source>
      <translation>код ISO 3166 или название страны</translation>
    </message>
    <message>
      <source>print the new event as JSON</source>
      <translation>вывести новое мероприятие в JSON</translation>
    </message>
    <message>
      <source>change an event's titles, place, dates or format (audited)</source>
      <translation>изменить названия, место, даты или формат мероприятия (с записью в журнал)</translation>
    </message>
    <message>
      <source>the event reference (e.g. 2025-007) or its id</source>
      <translation>номер мероприятия (напр. 2025-007) или его id</translation>
    </message>
    <message>
      <source>the title in Russian (empty: clear)</source>
      <translation>название на русском языке (пусто — удалить)</translation>
    </message>
    <message>
      <source>an empty value clears it</source>
      <translation>пустое значение очищает поле</translation>
    </message>
    <message>
      <source>refuse if the event has changed since version N (as shown by 'events show --json')</source>
      <translation>отказать, если мероприятие изменилось после версии N (см. 'events show --json')</translation>
    </message>
    <message>
      <source>print the event as JSON</source>
      <translation>вывести мероприятие в JSON</translation>
    </message>
    <message>
      <source>show one event with its participants</source>
      <translation>показать мероприятие с участниками</translation>
    </message>
    <message>
      <source>No events yet. Add one with 'events add', or load the sample data with 'demo'.</source>
      <translation>Мероприятий пока нет. Добавьте мероприятие командой 'events add' или загрузите пример данных командой 'demo'.</translation>
    </message>
    <message>
      <source>nothing to change: give at least one of --title, --title-ru, --city, --country, --start, --end, --format</source>
      <translation>нечего менять: укажите хотя бы один из параметров --title, --title-ru, --city, --country, --start, --end, --format</translation>
    </message>
    <message>
      <source>one of: </source>
      <translation>одно из: </translation>
    </message>
    <message>
      <source>Added event {value}: {value2}</source>
      <translation>Добавлено мероприятие {value}: {value2}</translation>
    </message>
    <message>
      <source>Changed event {value}: {join}</source>
      <translation>Изменено мероприятие {value}: {join}</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>Проект</translation>
    </message>
  </context>
  <context>
    <name>app.cli.importing</name>
    <message>
      <source>Would import</source>
      <translation>Будет импортировано</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>Импортировано</translation>
    </message>
    <message>
      <source>import an attendee list into an event</source>
      <translation>импортировать список участников в мероприятие</translation>
    </message>
    <message>
      <source>.xlsx, .xls, .xlsb, .ods, .csv, .mdb or .accdb</source>
      <translation>.xlsx, .xls, .xlsb, .ods, .csv, .mdb или .accdb</translation>
    </message>
    <message>
      <source>the event reference or id</source>
      <translation>номер мероприятия или id</translation>
    </message>
    <message>
      <source>the sheet (default: the list)</source>
      <translation>лист (по умолчанию — лист со списком)</translation>
    </message>
    <message>
      <source>the row holding the headers</source>
      <translation>строка с заголовками</translation>
    </message>
    <message>
      <source>show the plan, write nothing</source>
      <translation>показать план, ничего не записывая</translation>
    </message>
    <message>
      <source>refuse the whole file if any row has a problem</source>
      <translation>отклонить весь файл, если в какой-либо строке есть проблема</translation>
    </message>
    <message>
      <source>write the skipped and problem rows, with what is wrong, to this workbook</source>
      <translation>записать пропущенные и проблемные строки с описанием ошибок в эту книгу</translation>
    </message>
    <message>
      <source>print the result as JSON</source>
      <translation>вывести результат в JSON</translation>
    </message>
    <message>
      <source>not imported</source>
      <translation>не импортируется</translation>
    </message>
    <message>
      <source>Dry run: the database was not changed.</source>
      <translation>Пробный запуск: база данных не изменена.</translation>
    </message>
    <message>
      <source> (layout remembered from an earlier import)</source>
      <translation> (расположение столбцов запомнено с прежнего импорта)</translation>
    </message>
    <message>
      <source>{verb} into {event_label}: {n}, {value} matched, {value2} added to the event, {value3} already listed, {n2} ignored, {n3} of an earlier row, {n4} skipped.</source>
      <translation>{verb} в {event_label}: {n}, найдено в базе — {value}, добавлено в мероприятие — {value2}, уже в списке — {value3}, не учитывается — {n2}, повторов прежней строки — {n3}, пропущено — {n4}.</translation>
    </message>
    <message numerus="yes">
      <source>%n new [person|people]</source>
      <translation>
        <numerusform>%n новый человек</numerusform>
        <numerusform>%n новых человека</numerusform>
        <numerusform>%n новых человек</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n row(s)</source>
      <translation>
        <numerusform>%n строка</numerusform>
        <numerusform>%n строки</numerusform>
        <numerusform>%n строк</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n repeat(s)</source>
      <translation>
        <numerusform>%n</numerusform>
        <numerusform>%n</numerusform>
        <numerusform>%n</numerusform>
      </translation>
    </message>
    <message>
      <source>read a column (header text or letter) into a field: {fields}</source>
      <translation>прочитать столбец (текст заголовка или буква) в поле: {fields}</translation>
    </message>
    <message>
      <source>cannot write {target}: it is the list being imported; give --errors another name</source>
      <translation>нельзя записать {target}: это импортируемый список; укажите для --errors другое имя</translation>
    </message>
    <message>
      <source>{name}, sheet '{name2}': headers in row {header_row}</source>
      <translation>{name}, лист '{name2}': заголовки в строке {header_row}</translation>
    </message>
    <message>
      <source>{n} got details the database did not have yet (other spelling of the name, e-mail, phone…).</source>
      <translation>{n}: получены сведения, которых в базе ещё не было (другое написание имени, e-mail, телефон…).</translation>
    </message>
    <message numerus="yes">
      <source>%n matched [person|people]</source>
      <translation>
        <numerusform>У %n найденного человека</numerusform>
        <numerusform>У %n найденных человек</numerusform>
        <numerusform>У %n найденных человек</numerusform>
      </translation>
    </message>
    <message>
      <source>{n} to fix written to {errors}</source>
      <translation>Для исправления ({n}) записано в {errors}</translation>
    </message>
  </context>
  <context>
    <name>app.cli.registers</name>
    <message>
      <source>linked tables: the table (sheet) of events</source>
      <translation>связанные таблицы: таблица (лист) мероприятий</translation>
    </message>
    <message>
      <source>linked tables: the table (sheet) of people</source>
      <translation>связанные таблицы: таблица (лист) людей</translation>
    </message>
    <message>
      <source>linked tables: the table (sheet) of attendance</source>
      <translation>связанные таблицы: таблица (лист) участия</translation>
    </message>
    <message>
      <source>the sheet is a register of many events (title, dates, place on each row): events are matched or created, no --event; its event columns can be named with --map COLUMN=event_title, event_dates, event_start, event_end, event_city, event_country, event_type or event_format</source>
      <translation>лист — реестр многих мероприятий (название, даты и место в каждой строке): мероприятия сопоставляются с имеющимися или создаются, --event не указывается; столбцы мероприятия можно назвать через --map СТОЛБЕЦ=event_title, event_dates, event_start, event_end, event_city, event_country, event_type или event_format</translation>
    </message>
    <message>
      <source>linked tables need all three of --events-table, --people-table and --links-table.</source>
      <translation>для связанных таблиц нужны все три параметра: --events-table, --people-table и --links-table.</translation>
    </message>
    <message>
      <source>a register or linked tables bring in many events: leave out --event.</source>
      <translation>реестр или связанные таблицы вносят много мероприятий: не указывайте --event.</translation>
    </message>
    <message>
      <source>import needs --event REF (a list into one event), --register (a register of many events) or --events-table, --people-table and --links-table.</source>
      <translation>для импорта нужен --event REF (список в одно мероприятие), --register (реестр многих мероприятий) или --events-table, --people-table и --links-table.</translation>
    </message>
    <message>
      <source>--header-row must be 1 or more.</source>
      <translation>--header-row должен быть не меньше 1.</translation>
    </message>
    <message>
      <source>new</source>
      <comment>event</comment>
      <translation>новое</translation>
    </message>
    <message>
      <source>matched</source>
      <comment>event</comment>
      <translation>найдено</translation>
    </message>
    <message numerus="yes">
      <source>{file}, sheet '{sheet}': a register of %n event(s), headers in row {row}</source>
      <translation>
        <numerusform>{file}, лист '{sheet}': реестр из %n мероприятия, заголовки в строке {row}</numerusform>
        <numerusform>{file}, лист '{sheet}': реестр из %n мероприятий, заголовки в строке {row}</numerusform>
        <numerusform>{file}, лист '{sheet}': реестр из %n мероприятий, заголовки в строке {row}</numerusform>
      </translation>
    </message>
    <message>
      <source>{count} added</source>
      <translation>добавлено {count}</translation>
    </message>
    <message>
      <source>row {row}</source>
      <translation>строка {row}</translation>
    </message>
    <message>
      <source>skipped</source>
      <comment>row</comment>
      <translation>пропущена</translation>
    </message>
    <message numerus="yes">
      <source>Would import {events_created} new and {events_matched} matched events: {people_created} new people, {people_matched} matched, {added} participations added, {already} already listed, %n row(s) skipped.</source>
      <translation>
        <numerusform>Будет импортировано мероприятий: новых {events_created}, найденных {events_matched}; людей: новых {people_created}, найденных {people_matched}; добавлено участий: {added}, уже в списке: {already}; пропущена %n строка.</numerusform>
        <numerusform>Будет импортировано мероприятий: новых {events_created}, найденных {events_matched}; людей: новых {people_created}, найденных {people_matched}; добавлено участий: {added}, уже в списке: {already}; пропущены %n строки.</numerusform>
        <numerusform>Будет импортировано мероприятий: новых {events_created}, найденных {events_matched}; людей: новых {people_created}, найденных {people_matched}; добавлено участий: {added}, уже в списке: {already}; пропущено %n строк.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Imported {events_created} new and {events_matched} matched events: {people_created} new people, {people_matched} matched, {added} participations added, {already} already listed, %n row(s) skipped.</source>
      <translation>
        <numerusform>Импортировано мероприятий: новых {events_created}, найденных {events_matched}; людей: новых {people_created}, найденных {people_matched}; добавлено участий: {added}, уже в списке: {already}; пропущена %n строка.</numerusform>
        <numerusform>Импортировано мероприятий: новых {events_created}, найденных {events_matched}; людей: новых {people_created}, найденных {people_matched}; добавлено участий: {added}, уже в списке: {already}; пропущены %n строки.</numerusform>
        <numerusform>Импортировано мероприятий: новых {events_created}, найденных {events_matched}; людей: новых {people_created}, найденных {people_matched}; добавлено участий: {added}, уже в списке: {already}; пропущено %n строк.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n row(s) to fix written to {path}</source>
      <translation>
        <numerusform>%n строка для исправления записана в {path}</numerusform>
        <numerusform>%n строки для исправления записаны в {path}</numerusform>
        <numerusform>%n строк для исправления записано в {path}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>app.cli.reports</name>
    <message>
      <source>print an event summary or a period report</source>
      <translation>напечатать справку о мероприятии или отчёт за период</translation>
    </message>
    <message>
      <source>the summary of one event (PDF)</source>
      <translation>справка об одном мероприятии (PDF)</translation>
    </message>
    <message>
      <source>the event reference (e.g. 2022-001) or its id</source>
      <translation>номер мероприятия (напр. 2022-001) или его id</translation>
    </message>
    <message>
      <source>leave the participant list out</source>
      <translation>без списка участников</translation>
    </message>
    <message>
      <source>figures over a date range (PDF or xlsx)</source>
      <translation>показатели за период (PDF или xlsx)</translation>
    </message>
    <message>
      <source>only events held in this country (code or name)</source>
      <translation>только мероприятия в этой стране (код или название)</translation>
    </message>
    <message>
      <source>only events of this project (code or title)</source>
      <translation>только мероприятия этого проекта (код или название)</translation>
    </message>
    <message>
      <source>only events with this partner (acronym or name)</source>
      <translation>только мероприятия с этим партнёром (аббревиатура или название)</translation>
    </message>
    <message>
      <source>a printable attendance sheet for an event</source>
      <translation>лист регистрации участников мероприятия для печати</translation>
    </message>
    <message>
      <source>the event reference or its id</source>
      <translation>номер мероприятия или его id</translation>
    </message>
    <message>
      <source>export records to an Excel workbook</source>
      <translation>экспорт записей в книгу Excel</translation>
    </message>
    <message>
      <source>one event's participants</source>
      <translation>участники одного мероприятия</translation>
    </message>
    <message>
      <source>--event goes with 'export participants' only</source>
      <translation>--event используется только с 'export participants'</translation>
    </message>
    <message>
      <source>Wrote the summary of {reference} ({pages}) to {path}</source>
      <translation>Справка о мероприятии {reference} ({pages}) записана в {path}</translation>
    </message>
    <message numerus="yes">
      <source>Wrote the report on %n event(s) from {date_from} to {date_to} ({done}) to {path}</source>
      <translation>
        <numerusform>Отчёт о %n мероприятии с {date_from} по {date_to} ({done}) записан в {path}</numerusform>
        <numerusform>Отчёт о %n мероприятиях с {date_from} по {date_to} ({done}) записан в {path}</numerusform>
        <numerusform>Отчёт о %n мероприятиях с {date_from} по {date_to} ({done}) записан в {path}</numerusform>
      </translation>
    </message>
    <message>
      <source>Wrote the sign-in sheet of {reference} ({n_people} names, {blank_rows} blank rows) to {path}</source>
      <translation>Лист регистрации мероприятия {reference} (имён — {n_people}, пустых строк — {blank_rows}) записан в {path}</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n row(s) of {kind} to {path}</source>
      <translation>
        <numerusform>Экспортирована %n строка ({kind}) в {path}</numerusform>
        <numerusform>Экспортированы %n строки ({kind}) в {path}</numerusform>
        <numerusform>Экспортировано %n строк ({kind}) в {path}</numerusform>
      </translation>
    </message>
    <message>
      <source>--to ({date_to}) is before --from ({date_from})</source>
      <translation>--to ({date_to}) раньше, чем --from ({date_from})</translation>
    </message>
  </context>
  <context>
    <name>app.cli.server</name>
    <message>
      <source>The server is set up: roles convene_viewer, convene_editor and convene_admin.</source>
      <translation>Сервер настроен: роли convene_viewer, convene_editor и convene_admin.</translation>
    </message>
    <message>
      <source>{login} is now a viewer.</source>
      <translation>{login} теперь читатель (viewer).</translation>
    </message>
    <message>
      <source>{login} is now an editor.</source>
      <translation>{login} теперь редактор (editor).</translation>
    </message>
    <message>
      <source>{login} is now an admin.</source>
      <translation>{login} теперь администратор (admin).</translation>
    </message>
    <message>
      <source>roles and rights on a shared PostgreSQL server</source>
      <translation>роли и права на общем сервере PostgreSQL</translation>
    </message>
    <message>
      <source>upgrade the schema and make the roles viewer, editor and admin (repeatable)</source>
      <translation>обновить схему и создать роли viewer, editor и admin (можно повторять)</translation>
    </message>
    <message>
      <source>give a login the rights of one role</source>
      <translation>дать учётной записи права одной роли</translation>
    </message>
    <message>
      <source>take every Convene role from a login</source>
      <translation>снять с учётной записи все роли Convene</translation>
    </message>
    <message>
      <source>list the logins and their roles</source>
      <translation>вывести учётные записи и их роли</translation>
    </message>
    <message>
      <source>the server commands work on a PostgreSQL server (--db postgresql://…)</source>
      <translation>команды server работают только с сервером PostgreSQL (--db postgresql://…)</translation>
    </message>
    <message>
      <source>Your login may not manage Convene's roles on this server</source>
      <translation>Ваша учётная запись не может управлять ролями Convene на этом сервере</translation>
    </message>
    <message>
      <source>{login} no longer has a Convene role.</source>
      <translation>У {login} больше нет роли Convene.</translation>
    </message>
    <message>
      <source>No login has a Convene role yet.</source>
      <translation>Ни у одной учётной записи пока нет роли Convene.</translation>
    </message>
  </context>
  <context>
    <name>app.cli.sync</name>
    <message>
      <source>exchange packages of changes with other offices</source>
      <translation>обмен пакетами изменений с другими офисами</translation>
    </message>
    <message>
      <source>write a package of changes for another office</source>
      <translation>записать пакет изменений для другого офиса</translation>
    </message>
    <message>
      <source>the office it is for (default: everything)</source>
      <translation>офис, для которого он предназначен (по умолчанию — все изменения)</translation>
    </message>
    <message>
      <source>apply a package from another office</source>
      <translation>применить пакет другого офиса</translation>
    </message>
    <message>
      <source>this office and what has travelled where</source>
      <translation>этот офис и какие изменения куда переданы</translation>
    </message>
    <message>
      <source>the open conflicts to settle</source>
      <translation>нерешённые конфликты</translation>
    </message>
    <message>
      <source>none</source>
      <comment>changes</comment>
      <translation>нет</translation>
    </message>
    <message>
      <source>never</source>
      <comment>received</comment>
      <translation>никогда</translation>
    </message>
    <message>
      <source>No open conflicts.</source>
      <translation>Нерешённых конфликтов нет.</translation>
    </message>
    <message numerus="yes">
      <source>This office: {name} ({code}), %n change(s) made</source>
      <translation>
        <numerusform>Этот офис: {name} ({code}), внесено %n изменение</numerusform>
        <numerusform>Этот офис: {name} ({code}), внесено %n изменения</numerusform>
        <numerusform>Этот офис: {name} ({code}), внесено %n изменений</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>received %n change(s) (last {when}); not yet sent to it: {waiting}</source>
      <translation>
        <numerusform>получено %n изменение (последнее — {when}); ещё не отправлено ему: {waiting}</numerusform>
        <numerusform>получено %n изменения (последнее — {when}); ещё не отправлено ему: {waiting}</numerusform>
        <numerusform>получено %n изменений (последнее — {when}); ещё не отправлено ему: {waiting}</numerusform>
      </translation>
    </message>
    <message>
      <source>Open conflicts: {conflicts}; possible duplicates: {duplicates}</source>
      <translation>Нерешённые конфликты: {conflicts}; возможные дубликаты: {duplicates}</translation>
    </message>
    <message numerus="yes">
      <source>Package written to {path}: %n change(s) ({offices}).</source>
      <translation>
        <numerusform>Пакет записан в {path}: %n изменение ({offices}).</numerusform>
        <numerusform>Пакет записан в {path}: %n изменения ({offices}).</numerusform>
        <numerusform>Пакет записан в {path}: %n изменений ({offices}).</numerusform>
      </translation>
    </message>
    <message>
      <source>Applied the package from {source}: changes applied: {applied}, already here: {already}, conflicts: {conflicts}, possible duplicates: {duplicates}.</source>
      <translation>Применён пакет офиса {source}: применено изменений: {applied}, уже имелось: {already}, конфликтов: {conflicts}, возможных дубликатов: {duplicates}.</translation>
    </message>
    <message>
      <source>(no name)</source>
      <translation>(без названия)</translation>
    </message>
    <message>
      <source>{record} — {field}: kept {kept} ({kept_office}, {kept_when}), not {lost} ({lost_office}, {lost_when})</source>
      <translation>{record} — {field}: сохранено {kept} ({kept_office}, {kept_when}), а не {lost} ({lost_office}, {lost_when})</translation>
    </message>
    <message>
      <source>{count} of {office}</source>
      <translation>{office}: {count}</translation>
    </message>
  </context>
  <context>
    <name>app.database_messages</name>
    <message>
      <source>Your account may read but not change records on this server</source>
      <translation>Ваша учётная запись может читать, но не изменять записи на этом сервере</translation>
    </message>
    <message>
      <source>Only an administrator of this server may do that</source>
      <translation>Это может сделать только администратор этого сервера</translation>
    </message>
    <message>
      <source>the connection to the database server is lost (a restart, or the network): nothing was changed; try again once the server is back, and Convene reconnects by itself</source>
      <translation>соединение с сервером базы данных потеряно (перезапуск или сбой сети): ничего не изменено; повторите попытку, когда сервер снова станет доступен, — Convene подключится сам</translation>
    </message>
    <message>
      <source>the database is busy with another program's change; try again in a moment</source>
      <translation>база данных занята изменением другой программы; повторите попытку через несколько секунд</translation>
    </message>
    <message>
      <source>the database server asks for a password: put it in ~/.pgpass, a service file or PGPASSWORD, or open the server once in the application and let it remember the password in the keyring</source>
      <translation>сервер базы данных запрашивает пароль: укажите его в ~/.pgpass, файле служб или PGPASSWORD либо один раз откройте сервер в приложении и разрешите сохранить пароль в связке ключей</translation>
    </message>
    <message>
      <source>the database file cannot be opened (check the folder exists and is writable)</source>
      <translation>не удаётся открыть файл базы данных (проверьте, что папка существует и доступна для записи)</translation>
    </message>
    <message>
      <source>the file is not a Convene database (or it is damaged)</source>
      <translation>файл не является базой данных Convene (или повреждён)</translation>
    </message>
    <message>
      <source>cannot reach the database server: {detail}</source>
      <translation>сервер базы данных недоступен: {detail}</translation>
    </message>
    <message>
      <source>the database refused the operation: {detail}</source>
      <translation>база данных отклонила операцию: {detail}</translation>
    </message>
    <message>
      <source>the change breaks a rule of the database and was not saved: {detail}</source>
      <translation>изменение нарушает правило базы данных и не сохранено: {detail}</translation>
    </message>
    <message>
      <source>unexpected problem: {detail}</source>
      <translation>непредвиденная ошибка: {detail}</translation>
    </message>
    <message>
      <source>No database at {path}; check --db, or create one with 'init'</source>
      <translation>Базы данных по адресу {path} нет; проверьте --db или создайте её командой 'init'</translation>
    </message>
    <message>
      <source>cannot create the database file {path}: {reason}</source>
      <translation>не удаётся создать файл базы данных {path}: {reason}</translation>
    </message>
    <message>
      <source>{where} is not a Convene database (it holds other tables)</source>
      <translation>{where} не является базой данных Convene (в ней другие таблицы)</translation>
    </message>
    <message>
      <source>{where} was written by a newer version of Convene (schema {revision}); update Convene to open it</source>
      <translation>{where} записана более новой версией Convene (схема {revision}); чтобы открыть её, обновите Convene</translation>
    </message>
    <message>
      <source>server setup needs a login that may create roles (the server's administrator)</source>
      <translation>для настройки сервера нужна учётная запись, которая может создавать роли (администратор сервера)</translation>
    </message>
    <message>
      <source>server setup must be run by the owner of Convene's tables</source>
      <translation>настройку сервера должен выполнять владелец таблиц Convene</translation>
    </message>
    <message>
      <source>unknown role {role}: choose viewer, editor or admin</source>
      <translation>неизвестная роль {role}: выберите viewer, editor или admin</translation>
    </message>
    <message>
      <source>there is no login role {login} on this server</source>
      <translation>на этом сервере нет учётной записи {login}</translation>
    </message>
  </context>
  <context>
    <name>app.exports.people</name>
    <message>
      <source>Event reference</source>
      <translation>Номер мероприятия</translation>
    </message>
    <message>
      <source>Event title</source>
      <translation>Название мероприятия</translation>
    </message>
    <message>
      <source>Event title in Russian</source>
      <translation>Название мероприятия на русском</translation>
    </message>
    <message>
      <source>Event start</source>
      <translation>Начало мероприятия</translation>
    </message>
    <message>
      <source>Events attended</source>
      <translation>Посещено мероприятий</translation>
    </message>
    <message>
      <source>Last event</source>
      <translation>Посл. участие</translation>
    </message>
  </context>
  <context>
    <name>app.exports.personal_data</name>
    <message>
      <source>Field</source>
      <translation>Поле</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Значение</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Мероприятие</translation>
    </message>
    <message>
      <source>Organisation then</source>
      <translation>Организация тогда</translation>
    </message>
    <message>
      <source>Position then</source>
      <translation>Должность тогда</translation>
    </message>
    <message>
      <source>Certificate</source>
      <translation>Сертификат</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>Удалено</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Номер</translation>
    </message>
    <message>
      <source>Verification code</source>
      <translation>Код проверки</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>Выдан</translation>
    </message>
    <message>
      <source>Issued by</source>
      <translation>Кем выдан</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Состояние</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Когда</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Кто</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Что</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Запись</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Было</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Стало</translation>
    </message>
  </context>
  <context>
    <name>app.exports.tables</name>
    <message>
      <source>Days</source>
      <translation>Дней</translation>
    </message>
    <message>
      <source>Organisers</source>
      <translation>Организаторы</translation>
    </message>
    <message>
      <source>Co-organisers</source>
      <translation>Соорганизаторы</translation>
    </message>
    <message>
      <source>Donors</source>
      <translation>Доноры</translation>
    </message>
    <message>
      <source>Other partners</source>
      <translation>Другие партнёры</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Участники</translation>
    </message>
    <message>
      <source>Women</source>
      <translation>Женщины</translation>
    </message>
    <message>
      <source>Men</source>
      <translation>Мужчины</translation>
    </message>
    <message>
      <source>Counted from</source>
      <translation>Откуда цифры</translation>
    </message>
    <message>
      <source>People</source>
      <translation>Люди</translation>
    </message>
    <message>
      <source>Events as partner</source>
      <translation>Мероприятия как партнёр</translation>
    </message>
  </context>
  <context>
    <name>app.fields</name>
    <message>
      <source>Name</source>
      <comment>person</comment>
      <translation>Имя</translation>
    </message>
    <message>
      <source>Name (local script)</source>
      <translation>Имя (местное написание)</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Номер</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>Title in Russian</source>
      <translation>Название на русском</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Series</source>
      <translation>Серия</translation>
    </message>
    <message>
      <source>Number in series</source>
      <translation>Номер в серии</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>Дата начала</translation>
    </message>
    <message>
      <source>End date</source>
      <translation>Дата окончания</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Формат</translation>
    </message>
    <message>
      <source>Scope</source>
      <translation>Охват</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>Место проведения</translation>
    </message>
    <message>
      <source>City</source>
      <translation>Город</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Страна</translation>
    </message>
    <message>
      <source>Organising unit</source>
      <translation>Подразделение-организатор</translation>
    </message>
    <message>
      <source>Organising unit in Russian</source>
      <translation>Подразделение на русском</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Fields of work</source>
      <translation>Направления деятельности</translation>
    </message>
    <message>
      <source>Summary</source>
      <comment>summary</comment>
      <translation>Краткое содержание</translation>
    </message>
    <message>
      <source>Outcomes</source>
      <translation>Результаты</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Примечания</translation>
    </message>
    <message>
      <source>Reported total</source>
      <translation>Отчётная численность, всего</translation>
    </message>
    <message>
      <source>Reported women</source>
      <translation>Отчётная численность, женщины</translation>
    </message>
    <message>
      <source>Reported men</source>
      <translation>Отчётная численность, мужчины</translation>
    </message>
    <message>
      <source>Days needed for a certificate</source>
      <translation>Дней, нужных для сертификата</translation>
    </message>
    <message>
      <source>Certificates signed by</source>
      <translation>Сертификаты подписывает</translation>
    </message>
    <message>
      <source>Signatory's title</source>
      <translation>Должность подписывающего</translation>
    </message>
    <message>
      <source>Family name</source>
      <translation>Фамилия</translation>
    </message>
    <message>
      <source>Given name</source>
      <translation>Имя</translation>
    </message>
    <message>
      <source>Patronymic</source>
      <translation>Отчество</translation>
    </message>
    <message>
      <source>Family name (local script)</source>
      <translation>Фамилия (местное написание)</translation>
    </message>
    <message>
      <source>Given name (local script)</source>
      <translation>Имя (местное написание)</translation>
    </message>
    <message>
      <source>Patronymic (local script)</source>
      <translation>Отчество (местное написание)</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>Пол</translation>
    </message>
    <message>
      <source>Nationality</source>
      <translation>Гражданство</translation>
    </message>
    <message>
      <source>Organisation</source>
      <translation>Организация</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Должность</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>Звание</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Телефон</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>Local name</source>
      <translation>Местное название</translation>
    </message>
    <message>
      <source>Acronym</source>
      <translation>Аббревиатура</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation>Сектор</translation>
    </message>
    <message>
      <source>Parent organisation</source>
      <translation>Вышестоящая организация</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Код</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Человек</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Роль</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>Форма</translation>
    </message>
    <message>
      <source>Days attended</source>
      <translation>Дней присутствия</translation>
    </message>
    <message>
      <source>Certificate issued</source>
      <translation>Сертификат выдан</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Импорт</translation>
    </message>
    <message>
      <source>Ref.</source>
      <translation>Номер</translation>
    </message>
    <message>
      <source>No. in series</source>
      <translation>№ в серии</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Начало</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Конец</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Всего</translation>
    </message>
    <message>
      <source>Days needed (partial)</source>
      <translation>Нужно дней (частично)</translation>
    </message>
    <message>
      <source>Signed by</source>
      <translation>Подписывает</translation>
    </message>
    <message>
      <source>Family name (local)</source>
      <translation>Фамилия (местная)</translation>
    </message>
    <message>
      <source>Given name (local)</source>
      <translation>Имя (местное)</translation>
    </message>
    <message>
      <source>Patronymic (local)</source>
      <translation>Отчество (местное)</translation>
    </message>
    <message>
      <source>Name (local)</source>
      <translation>Имя (местное)</translation>
    </message>
    <message>
      <source>Part of</source>
      <translation>Входит в</translation>
    </message>
  </context>
  <context>
    <name>app.importing.candidates</name>
    <message>
      <source>same name</source>
      <translation>то же имя</translation>
    </message>
    <message>
      <source>same family name and initial</source>
      <translation>та же фамилия и инициал</translation>
    </message>
    <message>
      <source>same family name, no given name</source>
      <translation>та же фамилия, имя не указано</translation>
    </message>
    <message>
      <source>family name spelled alike</source>
      <translation>фамилия пишется похоже</translation>
    </message>
    <message>
      <source>given name spelled alike</source>
      <translation>имя пишется похоже</translation>
    </message>
    <message>
      <source>a short form or variant of the given name</source>
      <translation>краткая или другая форма имени</translation>
    </message>
    <message>
      <source>names spelled alike</source>
      <translation>имя и фамилия пишутся похоже</translation>
    </message>
    <message>
      <source>family name spelled alike, same initial</source>
      <translation>фамилия пишется похоже, тот же инициал</translation>
    </message>
    <message>
      <source>family name spelled alike, given name a short form or missing</source>
      <translation>фамилия пишется похоже, имя в краткой форме или не указано</translation>
    </message>
  </context>
  <context>
    <name>app.importing.linked</name>
    <message>
      <source>Table '{table}' has no row of column names.</source>
      <translation>В таблице '{table}' нет строки с названиями столбцов.</translation>
    </message>
    <message>
      <source>No column of table '{links}' holds the keys of both '{events}' and '{people}', so they cannot be joined.</source>
      <translation>Ни один столбец таблицы '{links}' не содержит ключей одновременно '{events}' и '{people}', поэтому связать их нельзя.</translation>
    </message>
  </context>
  <context>
    <name>app.importing.planning</name>
    <message>
      <source>another nationality</source>
      <translation>другое гражданство</translation>
    </message>
    <message>
      <source>another patronymic</source>
      <translation>другое отчество</translation>
    </message>
    <message>
      <source>another name, the same e-mail address</source>
      <translation>другое имя, тот же адрес e-mail</translation>
    </message>
    <message>
      <source>another e-mail address and agency</source>
      <translation>другой адрес e-mail и ведомство</translation>
    </message>
    <message>
      <source>the e-mail address belongs to someone with another name</source>
      <translation>адрес e-mail принадлежит человеку с другим именем</translation>
    </message>
    <message>
      <source>one of several people</source>
      <translation>один из нескольких людей</translation>
    </message>
    <message>
      <source>same e-mail address</source>
      <translation>тот же адрес e-mail</translation>
    </message>
    <message>
      <source>several people share this e-mail address</source>
      <translation>этот адрес e-mail у нескольких людей</translation>
    </message>
    <message>
      <source>a namesake with another patronymic is in the database</source>
      <translation>в базе есть тёзка с другим отчеством</translation>
    </message>
    <message>
      <source>a namesake is in the database, but of another nationality</source>
      <translation>в базе есть тёзка, но с другим гражданством</translation>
    </message>
    <message>
      <source>same nationality</source>
      <translation>то же гражданство</translation>
    </message>
    <message>
      <source>different nationality</source>
      <translation>другое гражданство</translation>
    </message>
    <message>
      <source>same organisation</source>
      <translation>та же организация</translation>
    </message>
    <message>
      <source>not in the database yet</source>
      <translation>ещё нет в базе данных</translation>
    </message>
    <message>
      <source>sex taken from the name</source>
      <translation>пол определён по имени</translation>
    </message>
    <message>
      <source>already listed for this event</source>
      <translation>уже в списке мероприятия</translation>
    </message>
  </context>
  <context>
    <name>app.importing.register</name>
    <message numerus="yes">
      <source> and %n more</source>
      <translation>
        <numerusform> и ещё %n</numerusform>
        <numerusform> и ещё %n</numerusform>
        <numerusform> и ещё %n</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n row(s) name no event that can be read ({first}); nothing was imported because of --strict.</source>
      <translation>
        <numerusform>В %n строке не удаётся прочитать мероприятие ({first}); из-за --strict ничего не импортировано.</numerusform>
        <numerusform>В %n строках не удаётся прочитать мероприятие ({first}); из-за --strict ничего не импортировано.</numerusform>
        <numerusform>В %n строках не удаётся прочитать мероприятие ({first}); из-за --strict ничего не импортировано.</numerusform>
      </translation>
    </message>
    <message>
      <source>row {row}: {reason}</source>
      <translation>строка {row}: {reason}</translation>
    </message>
  </context>
  <context>
    <name>app.importing.register_reading</name>
    <message>
      <source>no event is named on this row or above it</source>
      <translation>ни в этой строке, ни выше не указано мероприятие</translation>
    </message>
    <message>
      <source>the event's title is empty</source>
      <translation>название мероприятия не заполнено</translation>
    </message>
    <message>
      <source>the event ends before it starts</source>
      <translation>мероприятие заканчивается раньше, чем начинается</translation>
    </message>
    <message>
      <source>the event's dates cannot be read ({shown})</source>
      <translation>не удаётся прочитать даты мероприятия ({shown})</translation>
    </message>
    <message>
      <source>empty</source>
      <comment>cell</comment>
      <translation>пусто</translation>
    </message>
    <message>
      <source>Sheet '{sheet}' has no event columns, so it is not a register: it needs a column of event titles (such as 'Мероприятие' or 'Event') and one of dates (such as 'Даты' or 'Dates'), or --map "Column=event_title" and "Column=event_dates".</source>
      <translation>На листе '{sheet}' нет столбцов мероприятия, поэтому это не реестр: нужен столбец с названиями мероприятий (например, 'Мероприятие' или 'Event') и столбец с датами (например, 'Даты' или 'Dates') либо --map "Столбец=event_title" и "Столбец=event_dates".</translation>
    </message>
    <message>
      <source>Nobody is listed below the headers in row {row} of sheet '{sheet}'; there is nothing to import.</source>
      <translation>Под заголовками в строке {row} листа '{sheet}' никто не указан; импортировать нечего.</translation>
    </message>
    <message>
      <source>The register has no column '{name}' for {field}.</source>
      <translation>В реестре нет столбца '{name}' для {field}.</translation>
    </message>
  </context>
  <context>
    <name>app.importing.understanding</name>
    <message>
      <source>blank row</source>
      <translation>пустая строка</translation>
    </message>
    <message>
      <source>numbers only (numbering or a total)</source>
      <translation>только числа (нумерация или итог)</translation>
    </message>
    <message>
      <source>totals row</source>
      <translation>строка итогов</translation>
    </message>
    <message>
      <source>no name</source>
      <translation>нет имени</translation>
    </message>
    <message>
      <source>the event's default is used</source>
      <translation>взято значение мероприятия по умолчанию</translation>
    </message>
    <message>
      <source>left empty</source>
      <translation>оставлено пустым</translation>
    </message>
    <message>
      <source>several addresses</source>
      <translation>несколько адресов</translation>
    </message>
  </context>
  <context>
    <name>app.importing.vocabulary</name>
    <message>
      <source>Full name (family, given, patronymic)</source>
      <translation>Ф.И.О. полностью (фамилия, имя, отчество)</translation>
    </message>
    <message>
      <source>Country / nationality</source>
      <translation>Страна / гражданство</translation>
    </message>
    <message>
      <source>Participation (in person / online)</source>
      <translation>Форма участия (очно / онлайн)</translation>
    </message>
    <message>
      <source>Attendance on one day</source>
      <translation>Присутствие в один из дней</translation>
    </message>
    <message>
      <source>Row number (not imported)</source>
      <translation>Номер строки (не импортируется)</translation>
    </message>
    <message>
      <source>Not imported</source>
      <translation>Не импортировать</translation>
    </message>
  </context>
  <context>
    <name>app.lists</name>
    <message>
      <source>Took part</source>
      <translation>Участвовали</translation>
    </message>
    <message>
      <source>Events</source>
      <comment>count column</comment>
      <translation>Участий</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Мероприятия</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>Удалено</translation>
    </message>
    <message>
      <source>Deleted by</source>
      <translation>Кем удалено</translation>
    </message>
  </context>
  <context>
    <name>app.output_files</name>
    <message>
      <source>cannot write {target}: the file name has {shown}; use {wanted}</source>
      <translation>нельзя записать {target}: у имени файла {shown}; используйте {wanted}</translation>
    </message>
    <message>
      <source>cannot write {target}: the folder {folder} does not exist</source>
      <translation>нельзя записать {target}: папки {folder} не существует</translation>
    </message>
    <message>
      <source>cannot write {target}: it is a folder</source>
      <translation>нельзя записать {target}: это папка</translation>
    </message>
    <message>
      <source>cannot write {target}: permission denied</source>
      <translation>нельзя записать {target}: нет прав доступа</translation>
    </message>
    <message>
      <source>cannot write {path}: {value}</source>
      <translation>нельзя записать {path}: {value}</translation>
    </message>
    <message>
      <source>cannot write {path}: nothing was written</source>
      <translation>нельзя записать {path}: ничего не записано</translation>
    </message>
  </context>
  <context>
    <name>app.reference</name>
    <message>
      <source> (reported)</source>
      <translation> (отчёт)</translation>
    </message>
    <message>
      <source>National agency</source>
      <translation>Государственное ведомство</translation>
    </message>
    <message>
      <source>International organisation</source>
      <translation>Международная организация</translation>
    </message>
    <message>
      <source>Donor government</source>
      <translation>Правительство-донор</translation>
    </message>
    <message>
      <source>Embassy</source>
      <translation>Посольство</translation>
    </message>
    <message>
      <source>NGO</source>
      <translation>НПО</translation>
    </message>
    <message>
      <source>Academic institution</source>
      <translation>Учебное или научное учреждение</translation>
    </message>
    <message>
      <source>Private sector</source>
      <translation>Частный сектор</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Другое</translation>
    </message>
    <message>
      <source>Border</source>
      <translation>Пограничная служба</translation>
    </message>
    <message>
      <source>Customs</source>
      <translation>Таможня</translation>
    </message>
    <message>
      <source>Migration</source>
      <translation>Миграционная служба</translation>
    </message>
    <message>
      <source>Veterinary</source>
      <translation>Ветеринарная служба</translation>
    </message>
    <message>
      <source>Phytosanitary</source>
      <translation>Фитосанитарная служба</translation>
    </message>
    <message>
      <source>Sanitary-epidemiological</source>
      <translation>Санитарно-эпидемиологическая служба</translation>
    </message>
    <message>
      <source>Law enforcement</source>
      <translation>Правоохранительные органы</translation>
    </message>
    <message>
      <source>Drug control</source>
      <translation>Контроль над наркотиками</translation>
    </message>
    <message>
      <source>Foreign affairs</source>
      <translation>Иностранные дела</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Женский</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Мужской</translation>
    </message>
    <message>
      <source>Unspecified</source>
      <translation>Не указан</translation>
    </message>
    <message>
      <source>Seminar</source>
      <translation>Семинар</translation>
    </message>
    <message>
      <source>Workshop</source>
      <translation>Семинар-практикум</translation>
    </message>
    <message>
      <source>Training course</source>
      <translation>Учебный курс</translation>
    </message>
    <message>
      <source>Conference</source>
      <translation>Конференция</translation>
    </message>
    <message>
      <source>Round table</source>
      <translation>Круглый стол</translation>
    </message>
    <message>
      <source>Study visit</source>
      <translation>Ознакомительный визит</translation>
    </message>
    <message>
      <source>Assessment visit</source>
      <translation>Оценочный визит</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>Совещание</translation>
    </message>
    <message>
      <source>Exercise</source>
      <translation>Учения</translation>
    </message>
    <message>
      <source>In person</source>
      <translation>Очно</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>Онлайн</translation>
    </message>
    <message>
      <source>Hybrid</source>
      <translation>Смешанный формат</translation>
    </message>
    <message>
      <source>National</source>
      <translation>Национальный</translation>
    </message>
    <message>
      <source>Regional</source>
      <translation>Региональный</translation>
    </message>
    <message>
      <source>International</source>
      <translation>Международный</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Запланировано</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>Проведено</translation>
    </message>
    <message>
      <source>Postponed</source>
      <translation>Перенесено</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Отменено</translation>
    </message>
    <message>
      <source>Organiser</source>
      <translation>Организатор</translation>
    </message>
    <message>
      <source>Co-organiser</source>
      <translation>Соорганизатор</translation>
    </message>
    <message>
      <source>Donor</source>
      <translation>Донор</translation>
    </message>
    <message>
      <source>Expert provider</source>
      <translation>Предоставление экспертов</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>Принимающая сторона</translation>
    </message>
    <message>
      <source>Delegation</source>
      <translation>Делегация</translation>
    </message>
    <message>
      <source>Observer</source>
      <translation>Наблюдатель</translation>
    </message>
    <message>
      <source>Participant</source>
      <translation>Участник</translation>
    </message>
    <message>
      <source>Speaker</source>
      <translation>Докладчик</translation>
    </message>
    <message>
      <source>Trainer / expert</source>
      <translation>Тренер / эксперт</translation>
    </message>
    <message>
      <source>Moderator</source>
      <translation>Модератор</translation>
    </message>
    <message>
      <source>Interpreter</source>
      <translation>Переводчик</translation>
    </message>
    <message>
      <source>Invited</source>
      <translation>Приглашён</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>Зарегистрирован</translation>
    </message>
    <message>
      <source>Attended</source>
      <translation>Участвовал</translation>
    </message>
    <message>
      <source>Partially attended</source>
      <translation>Участвовал частично</translation>
    </message>
    <message>
      <source>No-show</source>
      <translation>Не явился</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>Создано</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Изменено</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>Восстановлено</translation>
    </message>
    <message>
      <source>Merged</source>
      <translation>Объединено</translation>
    </message>
    <message>
      <source>Anonymised</source>
      <translation>Обезличено</translation>
    </message>
    <message>
      <source>'{text}' is not one of: {accepted}</source>
      <translation>'{text}' — не одно из: {accepted}</translation>
    </message>
  </context>
  <context>
    <name>app.reports.labels</name>
    <message>
      <source>Event summary</source>
      <comment>event_summary</comment>
      <translation>Справка о мероприятии</translation>
    </message>
    <message>
      <source>Period report</source>
      <comment>period_report</comment>
      <translation>Отчёт за период</translation>
    </message>
    <message>
      <source>Sign-in sheet</source>
      <comment>signin_sheet</comment>
      <translation>Лист регистрации участников</translation>
    </message>
    <message>
      <source>Annex. List of participants</source>
      <comment>annex_participants</comment>
      <translation>Приложение. Список участников</translation>
    </message>
    <message>
      <source>Annex. Events of the period</source>
      <comment>annex_events</comment>
      <translation>Приложение. Мероприятия за период</translation>
    </message>
    <message>
      <source>Page {page} of {pages}</source>
      <comment>page_of</comment>
      <translation>Стр. {page} из {pages}</translation>
    </message>
    <message>
      <source>Printed {date}</source>
      <comment>printed</comment>
      <translation>Напечатано {date}</translation>
    </message>
    <message>
      <source>no. {n}</source>
      <comment>series_number</comment>
      <translation>№ {n}</translation>
    </message>
    <message>
      <source>Dates</source>
      <comment>dates</comment>
      <translation>Даты</translation>
    </message>
    <message>
      <source>{n} days</source>
      <comment>days</comment>
      <translation>{n} дн.</translation>
    </message>
    <message>
      <source>1 day</source>
      <comment>one_day</comment>
      <translation>1 день</translation>
    </message>
    <message>
      <source>Partners</source>
      <comment>partners</comment>
      <translation>Партнёры</translation>
    </message>
    <message>
      <source>online</source>
      <comment>online</comment>
      <translation>онлайн</translation>
    </message>
    <message>
      <source>Participants</source>
      <comment>participants</comment>
      <translation>Участники</translation>
    </message>
    <message>
      <source>Figures</source>
      <comment>figures</comment>
      <translation>Цифры</translation>
    </message>
    <message>
      <source>By sex</source>
      <comment>by_sex</comment>
      <translation>По полу</translation>
    </message>
    <message>
      <source>By country (nationality)</source>
      <comment>by_country</comment>
      <translation>По странам (гражданство)</translation>
    </message>
    <message>
      <source>By agency sector</source>
      <comment>by_sector</comment>
      <translation>По типу ведомства</translation>
    </message>
    <message>
      <source>By role</source>
      <comment>by_role</comment>
      <translation>По роли</translation>
    </message>
    <message>
      <source>Attendance mode</source>
      <comment>by_mode</comment>
      <translation>Форма участия</translation>
    </message>
    <message>
      <source>Women</source>
      <comment>women</comment>
      <translation>Женщины</translation>
    </message>
    <message>
      <source>Men</source>
      <comment>men</comment>
      <translation>Мужчины</translation>
    </message>
    <message>
      <source>Sex not stated</source>
      <comment>unspecified</comment>
      <translation>Пол не указан</translation>
    </message>
    <message>
      <source>Total</source>
      <comment>total</comment>
      <translation>Всего</translation>
    </message>
    <message>
      <source>% women</source>
      <comment>share_women</comment>
      <translation>% женщин</translation>
    </message>
    <message>
      <source>Women</source>
      <comment>col_women</comment>
      <translation>Жен.</translation>
    </message>
    <message>
      <source>Men</source>
      <comment>col_men</comment>
      <translation>Муж.</translation>
    </message>
    <message>
      <source>Not stated</source>
      <comment>col_unspecified</comment>
      <translation>Не указан</translation>
    </message>
    <message>
      <source>% women</source>
      <comment>col_share_women</comment>
      <translation>% жен.</translation>
    </message>
    <message>
      <source>% women (of those whose sex is known)</source>
      <comment>share_women_known</comment>
      <translation>% женщин (от лиц с указанным полом)</translation>
    </message>
    <message>
      <source>Country</source>
      <comment>country</comment>
      <translation>Страна</translation>
    </message>
    <message>
      <source>Agency sector</source>
      <comment>sector</comment>
      <translation>Тип ведомства</translation>
    </message>
    <message>
      <source>Not stated</source>
      <comment>not_stated</comment>
      <translation>Не указано</translation>
    </message>
    <message>
      <source>No organisation recorded</source>
      <comment>no_organisation</comment>
      <translation>Организация не указана</translation>
    </message>
    <message>
      <source>Reported head-counts (not broken down)</source>
      <comment>reported_rows</comment>
      <translation>Отчётные данные (без разбивки)</translation>
    </message>
    <message>
      <source>Reported only</source>
      <comment>reported_short</comment>
      <translation>Только отчётные</translation>
    </message>
    <message>
      <source>{total} took part</source>
      <comment>headline</comment>
      <translation>Приняли участие: {total}</translation>
    </message>
    <message>
      <source>{total} took part (reported head-count)</source>
      <comment>headline_reported</comment>
      <translation>Приняли участие: {total} (по отчётным данным)</translation>
    </message>
    <message>
      <source>{women} {women_noun} ({share}), {men} {men_noun}</source>
      <comment>sexes</comment>
      <translation>из них женщин — {women} ({share}), мужчин — {men}</translation>
    </message>
    <message>
      <source>{women} {women_noun} ({share} of the {known} whose sex is known), {men} {men_noun}; sex not stated for {unknown}</source>
      <comment>sexes_partly_known</comment>
      <translation>из них женщин — {women} ({share} от числа лиц с указанным полом: {known}), мужчин — {men}; пол не указан — {unknown}</translation>
    </message>
    <message>
      <source>sex not stated</source>
      <comment>sexes_unknown</comment>
      <translation>пол не указан</translation>
    </message>
    <message>
      <source>Shares of women are of the people whose sex is known.</source>
      <comment>share_note</comment>
      <translation>Доля женщин — от числа лиц с указанным полом.</translation>
    </message>
    <message>
      <source>Figures as reported for the event; no participant list is recorded.</source>
      <comment>source_reported</comment>
      <translation>Данные из отчёта о мероприятии; список участников не внесён.</translation>
    </message>
    <message>
      <source>No participants are recorded for this event.</source>
      <comment>source_none</comment>
      <translation>Участники мероприятия не внесены.</translation>
    </message>
    <message>
      <source>Listed but not counted as taking part: {what}.</source>
      <comment>not_counted</comment>
      <translation>Внесены в список, но не учтены как участники: {what}.</translation>
    </message>
    <message>
      <source>Participants by country and sex</source>
      <comment>chart_by_country</comment>
      <translation>Участники по странам и полу</translation>
    </message>
    <message>
      <source>Events held by month</source>
      <comment>chart_events_by_month</comment>
      <translation>Проведённые мероприятия по месяцам</translation>
    </message>
    <message>
      <source>Events held by year</source>
      <comment>chart_events_by_year</comment>
      <translation>Проведённые мероприятия по годам</translation>
    </message>
    <message>
      <source>The list of participants is left out of this copy.</source>
      <comment>names_left_out</comment>
      <translation>Список участников в этот экземпляр не включён.</translation>
    </message>
    <message>
      <source>No.</source>
      <comment>no</comment>
      <translation>№</translation>
    </message>
    <message>
      <source>Name</source>
      <comment>name</comment>
      <translation>Фамилия, имя (латиница)</translation>
    </message>
    <message>
      <source>Name (local script)</source>
      <comment>name_local</comment>
      <translation>Фамилия, имя (местное написание)</translation>
    </message>
    <message>
      <source>Signature</source>
      <comment>signature</comment>
      <translation>Подпись</translation>
    </message>
    <message>
      <source>Blank rows are for participants not on the list.</source>
      <comment>walk_ins</comment>
      <translation>Пустые строки — для участников, не включённых в список.</translation>
    </message>
    <message>
      <source>Days {first}–{last}</source>
      <comment>days_range</comment>
      <translation>Дни {first}–{last}</translation>
    </message>
    <message>
      <source>Registered: {n}</source>
      <comment>registered</comment>
      <translation>Зарегистрировано: {n}</translation>
    </message>
    <message>
      <source>Period</source>
      <comment>period</comment>
      <translation>Период</translation>
    </message>
    <message>
      <source>Filters</source>
      <comment>filters</comment>
      <translation>Отбор</translation>
    </message>
    <message>
      <source>events in {value}</source>
      <comment>filter_country</comment>
      <translation>мероприятия в стране: {value}</translation>
    </message>
    <message>
      <source>project {value}</source>
      <comment>filter_project</comment>
      <translation>проект {value}</translation>
    </message>
    <message>
      <source>with partner {value}</source>
      <comment>filter_partner</comment>
      <translation>с участием партнёра: {value}</translation>
    </message>
    <message>
      <source>all events</source>
      <comment>no_filters</comment>
      <translation>все мероприятия</translation>
    </message>
    <message>
      <source>Key figures</source>
      <comment>key_figures</comment>
      <translation>Основные показатели</translation>
    </message>
    <message>
      <source>Events held</source>
      <comment>events_held</comment>
      <translation>Проведено мероприятий</translation>
    </message>
    <message>
      <source>Participants (all events)</source>
      <comment>participations</comment>
      <translation>Участники (по всем мероприятиям)</translation>
    </message>
    <message>
      <source>Different people (listed by name)</source>
      <comment>unique_people</comment>
      <translation>Разных людей (по спискам)</translation>
    </message>
    <message>
      <source>Took part in more than one event</source>
      <comment>repeat_people</comment>
      <translation>Участвовали более чем в одном мероприятии</translation>
    </message>
    <message>
      <source>Partners involved</source>
      <comment>partners_involved</comment>
      <translation>Задействованные партнёры</translation>
    </message>
    <message>
      <source>Events held by type and month</source>
      <comment>events_by_type_month</comment>
      <translation>Мероприятия по типам и месяцам</translation>
    </message>
    <message>
      <source>Events held by type and year</source>
      <comment>events_by_type_year</comment>
      <translation>Мероприятия по типам и годам</translation>
    </message>
    <message>
      <source>Month</source>
      <comment>month</comment>
      <translation>Месяц</translation>
    </message>
    <message>
      <source>Year</source>
      <comment>year</comment>
      <translation>Год</translation>
    </message>
    <message>
      <source>Participants, counted once per event</source>
      <comment>participations_heading</comment>
      <translation>Число участников (с учётом повторного участия)</translation>
    </message>
    <message>
      <source>Different people, each counted once (by their current organisation)</source>
      <comment>people_heading</comment>
      <translation>Разные люди, каждый учтён один раз (по нынешней организации)</translation>
    </message>
    <message>
      <source>Repeat participants</source>
      <comment>repeat_heading</comment>
      <translation>Повторное участие</translation>
    </message>
    <message>
      <source>Events attended</source>
      <comment>events_attended</comment>
      <translation>Число мероприятий</translation>
    </message>
    <message>
      <source>People</source>
      <comment>people</comment>
      <translation>Человек</translation>
    </message>
    <message>
      <source>Roles</source>
      <comment>organisation_roles</comment>
      <translation>Роли</translation>
    </message>
    <message>
      <source>Events</source>
      <comment>events</comment>
      <translation>Мероприятий</translation>
    </message>
    <message>
      <source>Event</source>
      <comment>event</comment>
      <translation>Мероприятие</translation>
    </message>
    <message>
      <source>Place</source>
      <comment>place</comment>
      <translation>Место</translation>
    </message>
    <message>
      <source>No events were held in this period.</source>
      <comment>no_events</comment>
      <translation>За этот период мероприятий не проводилось.</translation>
    </message>
    <message>
      <source>Not counted as held: {what}.</source>
      <comment>not_held_note</comment>
      <translation>Не учтены как проведённые: {what}.</translation>
    </message>
    <message>
      <source>Events known only by reported head-counts: {n}. They count in the number of participants, not in the number of different people.</source>
      <comment>reported_note</comment>
      <translation>Мероприятий, известных только по отчётным данным: {n}. Они учтены в числе участников, но не в числе разных людей.</translation>
    </message>
    <message>
      <source>Summary</source>
      <comment>sheet_summary</comment>
      <translation>Сводка</translation>
    </message>
    <message>
      <source>Indicators</source>
      <comment>indicators</comment>
      <translation>Показатели</translation>
    </message>
    <message>
      <source>Indicator</source>
      <comment>indicator</comment>
      <translation>Показатель</translation>
    </message>
    <message>
      <source>This period</source>
      <comment>this_period</comment>
      <translation>За период</translation>
    </message>
    <message>
      <source>Since {date}</source>
      <comment>since</comment>
      <translation>С {date}</translation>
    </message>
    <message>
      <source>Events held</source>
      <comment>ind_events</comment>
      <translation>Проведено мероприятий</translation>
    </message>
    <message>
      <source>Participations ¹</source>
      <comment>ind_participations</comment>
      <translation>Участий в мероприятиях ¹</translation>
    </message>
    <message>
      <source>Different people trained ²</source>
      <comment>ind_people</comment>
      <translation>Обучено разных людей ²</translation>
    </message>
    <message>
      <source>Person-days of training ³</source>
      <comment>ind_person_days</comment>
      <translation>Человеко-дней обучения ³</translation>
    </message>
    <message>
      <source>People trained more than once ⁴</source>
      <comment>ind_repeat</comment>
      <translation>Обучены более одного раза ⁴</translation>
    </message>
    <message>
      <source>People</source>
      <comment>ind_people_short</comment>
      <translation>Людей</translation>
    </message>
    <message>
      <source>Participations</source>
      <comment>ind_participations_short</comment>
      <translation>Участий</translation>
    </message>
    <message>
      <source>Person-days</source>
      <comment>ind_person_days_short</comment>
      <translation>Чел.-дней</translation>
    </message>
    <message>
      <source>Indicators by country (nationality)</source>
      <comment>ind_by_country</comment>
      <translation>Показатели по странам (гражданство)</translation>
    </message>
    <message>
      <source>Indicators by agency sector</source>
      <comment>ind_by_sector</comment>
      <translation>Показатели по типу ведомства</translation>
    </message>
    <message>
      <source>Indicators by project</source>
      <comment>ind_by_project</comment>
      <translation>Показатели по проектам</translation>
    </message>
    <message>
      <source>No project</source>
      <comment>no_project</comment>
      <translation>Без проекта</translation>
    </message>
    <message>
      <source>— Different people by project are counted for periods of up to {n} participations.</source>
      <comment>project_people_limit</comment>
      <translation>— Разные люди по проектам подсчитываются за периоды до {n} участий.</translation>
    </message>
    <message>
      <source>¹ Participations: people who attended (attended or partially attended) each event, each person once per event, and the reported head-counts of events known only by them.</source>
      <comment>def_participations</comment>
      <translation>¹ Участия: посетившие каждое мероприятие (полностью или частично), каждый человек один раз на мероприятие, и отчётные данные мероприятий без списка участников.</translation>
    </message>
    <message>
      <source>² Different people trained: people listed by name who attended at least one event, each counted once however many events they attended (by their current organisation); the share of women is of those whose sex is known.</source>
      <comment>def_people</comment>
      <translation>² Разные люди: поимённо учтённые участники хотя бы одного мероприятия, каждый учтён один раз, сколько бы мероприятий он ни посетил (по нынешней организации); доля женщин — от числа лиц с указанным полом.</translation>
    </message>
    <message>
      <source>³ Person-days: for each participation, the days attended, or the event's length in days when they are not recorded; for events known by head-counts, the head-count times the length.</source>
      <comment>def_person_days</comment>
      <translation>³ Человеко-дни: по каждому участию — число посещённых дней, а если оно не внесено — продолжительность мероприятия в днях; для мероприятий с отчётными данными — численность, умноженная на продолжительность.</translation>
    </message>
    <message>
      <source>⁴ People trained more than once: different people who attended two or more events.</source>
      <comment>def_repeat</comment>
      <translation>⁴ Обучены более одного раза: разные люди, посетившие два мероприятия или более.</translation>
    </message>
    <message>
      <source>Cumulative figures count the same way from the start of the project ({date}) to the end of the period.</source>
      <comment>def_cumulative_project</comment>
      <translation>Нарастающие итоги считаются так же — с начала проекта ({date}) до конца периода.</translation>
    </message>
    <message>
      <source>Cumulative figures count the same way from the first event recorded ({date}) to the end of the period.</source>
      <comment>def_cumulative_records</comment>
      <translation>Нарастающие итоги считаются так же — с первого внесённого мероприятия ({date}) до конца периода.</translation>
    </message>
    <message>
      <source>Figure</source>
      <comment>figure</comment>
      <translation>Показатель</translation>
    </message>
    <message>
      <source>Value</source>
      <comment>value</comment>
      <translation>Значение</translation>
    </message>
    <message>
      <source>Expert providers</source>
      <translation>Предоставление экспертов</translation>
    </message>
    <message>
      <source>Hosts</source>
      <translation>Принимающие стороны</translation>
    </message>
    <message>
      <source>Delegations</source>
      <translation>Делегации</translation>
    </message>
    <message>
      <source>Observers</source>
      <translation>Наблюдатели</translation>
    </message>
  </context>
  <context>
    <name>app.services.certificates</name>
    <message>
      <source>No certificate has the verification code '{code}'.</source>
      <translation>Нет сертификата с кодом проверки '{code}'.</translation>
    </message>
    <message>
      <source>The person '{person}' is not listed in event {event}.</source>
      <translation>Человека '{person}' нет в списке мероприятия {event}.</translation>
    </message>
    <message>
      <source>{person} cannot have a certificate for {event}: {reason}.</source>
      <translation>{person} не может получить сертификат за {event}: {reason}.</translation>
    </message>
    <message>
      <source>No one listed in event {event} can have a certificate yet: {reason}.</source>
      <translation>Никто из списка мероприятия {event} пока не может получить сертификат: {reason}.</translation>
    </message>
    <message>
      <source>the event was cancelled</source>
      <translation>мероприятие отменено</translation>
    </message>
    <message>
      <source>their status is '{status}'</source>
      <translation>статус участника — '{status}'</translation>
    </message>
    <message>
      <source>they attended {days} of the {needed} days a certificate needs</source>
      <translation>присутствовал(а) {days} из {needed} дней, нужных для сертификата</translation>
    </message>
    <message>
      <source>the event does not say how many days a partial attendee needs</source>
      <translation>у мероприятия не указано, сколько дней нужно присутствовавшим частично</translation>
    </message>
    <message>
      <source>no one is recorded as having attended</source>
      <translation>никто не внесён как присутствовавший</translation>
    </message>
    <message>
      <source>Certificate {number} was already superseded.</source>
      <translation>Сертификат {number} уже заменён.</translation>
    </message>
  </context>
  <context>
    <name>app.services.events</name>
    <message>
      <source>Unknown field of work: {join}.</source>
      <translation>Неизвестное направление деятельности: {join}.</translation>
    </message>
    <message>
      <source>Field of work not set up in this database: {join}. Run 'init'.</source>
      <translation>Направление деятельности не настроено в этой базе данных: {join}. Выполните 'init'.</translation>
    </message>
    <message>
      <source>No event with the reference or id '{text_value}'.</source>
      <translation>Нет мероприятия с номером или id '{text_value}'.</translation>
    </message>
    <message>
      <source>The end date ({end}) is before the start date ({start}).</source>
      <translation>Дата окончания ({end}) раньше даты начала ({start}).</translation>
    </message>
    <message>
      <source>Days needed for a certificate must be between 1 and the {n} days the event lasts.</source>
      <translation>Число дней для сертификата должно быть от 1 до продолжительности мероприятия ({n} дн.).</translation>
    </message>
    <message>
      <source>The reported women ({female}) and men ({male}) are more than the total ({total}).</source>
      <translation>Женщин ({female}) и мужчин ({male}) по отчёту больше, чем всего ({total}).</translation>
    </message>
    <message>
      <source>The reference {ref} is already used by “{title}”.</source>
      <translation>Номер {ref} уже занят мероприятием «{title}».</translation>
    </message>
  </context>
  <context>
    <name>app.services.merging</name>
    <message>
      <source>Choose two different {noun} records to merge.</source>
      <translation>Для объединения выберите две разные записи.</translation>
    </message>
  </context>
  <context>
    <name>app.services.office_settings</name>
    <message>
      <source>The file is not an image that can be read (use PNG or JPEG).</source>
      <translation>Файл не является читаемым изображением (используйте PNG или JPEG).</translation>
    </message>
    <message>
      <source>The logo file is larger than 2 MB; use a smaller image.</source>
      <translation>Файл логотипа больше 2 МБ; используйте изображение меньшего размера.</translation>
    </message>
  </context>
  <context>
    <name>app.services.organizations</name>
    <message>
      <source>An organisation cannot be its own parent.</source>
      <translation>Организация не может быть вышестоящей для самой себя.</translation>
    </message>
  </context>
  <context>
    <name>app.services.participations</name>
    <message>
      <source>Certificate issued follows the register of certificates: issue one from the event's Certificates of attendance.</source>
      <translation>Отметка «Сертификат выдан» следует реестру сертификатов: выдайте сертификат через «Сертификаты участия» мероприятия.</translation>
    </message>
    <message>
      <source>A participation cannot be moved to another event or person.</source>
      <translation>Участие нельзя перенести на другое мероприятие или другого человека.</translation>
    </message>
    <message>
      <source>{name} is already listed for this event.</source>
      <translation>{name} уже есть в списке этого мероприятия.</translation>
    </message>
    <message>
      <source>Days attended ({days}) is more than the event lasted ({length}).</source>
      <translation>Дней присутствия ({days}) больше продолжительности мероприятия ({length}).</translation>
    </message>
  </context>
  <context>
    <name>app.services.partners</name>
    <message>
      <source>{value} is already {lower} of this event.</source>
      <translation>{value} уже имеет роль «{lower}» в этом мероприятии.</translation>
    </message>
  </context>
  <context>
    <name>app.services.people</name>
    <message>
      <source>A family name is required (in Latin or in the local script).</source>
      <translation>Нужна фамилия (латиницей или в местном написании).</translation>
    </message>
  </context>
  <context>
    <name>app.services.projects</name>
    <message>
      <source>Donors: no organisation '{value}'.</source>
      <translation>Доноры: нет организации '{value}'.</translation>
    </message>
    <message>
      <source>The code {code} is already used by “{title}”.</source>
      <translation>Код {code} уже занят проектом «{title}».</translation>
    </message>
  </context>
  <context>
    <name>app.services.records</name>
    <message>
      <source>'{text_value}' is not a date (use YYYY-MM-DD)</source>
      <translation>'{text_value}' — не дата (используйте ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
      <source>'{value}' is not yes or no</source>
      <translation>'{value}' — не «да» и не «нет»</translation>
    </message>
    <message>
      <source>'{value}' is outside the years {FIRST_YEAR}–{LAST_YEAR}</source>
      <translation>'{value}' вне лет {FIRST_YEAR}–{LAST_YEAR}</translation>
    </message>
    <message>
      <source>'{value}' is not a known country (use an ISO code such as KZ)</source>
      <translation>'{value}' — неизвестная страна (используйте код ISO, например KZ)</translation>
    </message>
    <message>
      <source>'{written}' is not an e-mail address</source>
      <translation>'{written}' — не адрес e-mail</translation>
    </message>
    <message>
      <source>There is no {noun} with the id '{record_id}'.</source>
      <translation>Записи с id '{record_id}' нет.</translation>
    </message>
    <message>
      <source>The {noun} is in the recycle bin.</source>
      <translation>Запись находится в корзине.</translation>
    </message>
    <message>
      <source>This {noun} was changed by someone else (version {version}, you loaded version {expected_version}). Reload it and make your change again.</source>
      <translation>Эту запись изменил кто-то другой (версия {version}, у вас загружена версия {expected_version}). Перезагрузите её и внесите изменение снова.</translation>
    </message>
    <message>
      <source>This {noun} is not in the recycle bin.</source>
      <translation>Этой записи нет в корзине.</translation>
    </message>
    <message>
      <source>is too long ({n_cleaned} characters; at most {max_length})</source>
      <translation>слишком длинно (символов: {n_cleaned}; не более {max_length})</translation>
    </message>
    <message>
      <source>'{value}' is a former country ({former}), now several; give today's country</source>
      <translation>'{value}' — бывшая страна ({former}), теперь их несколько; укажите нынешнюю страну</translation>
    </message>
    <message>
      <source>'{value}' is not a whole number</source>
      <translation>'{value}' — не целое число</translation>
    </message>
    <message>
      <source>This {noun} was changed or deleted by someone else while you were editing it. Reload it and make your change again.</source>
      <translation>Пока вы редактировали эту запись, её изменил или удалил кто-то другой. Перезагрузите её и внесите изменение снова.</translation>
    </message>
    <message>
      <source>'{value}' does not name a {noun}</source>
      <translation>'{value}' не указывает на запись</translation>
    </message>
    <message>
      <source>{capitalize} has no field '{name}'.</source>
      <translation>У записи нет поля '{name}'.</translation>
    </message>
    <message>
      <source>{label} is required.</source>
      <translation>Поле «{label}» обязательно.</translation>
    </message>
    <message>
      <source>{label}: no such {noun}.</source>
      <translation>{label}: такой записи нет.</translation>
    </message>
  </context>
  <context>
    <name>app.sync.applying</name>
    <message>
      <source>The package {file} was written by this office ({code}); apply it in another office.</source>
      <translation>Пакет {file} записан этим офисом ({code}); примените его в другом офисе.</translation>
    </message>
    <message>
      <source>The package {file} was written at schema revision {theirs}, this database is at {ours}: both offices need the same version of Convene.</source>
      <translation>Пакет {file} записан при версии схемы {theirs}, а у этой базы данных версия {ours}: в обоих офисах должна быть одна и та же версия Convene.</translation>
    </message>
    <message>
      <source>The package {file} needs changes {first}–{last} of office {office}, which this office has not received: apply an earlier package from {source} first. Nothing was written.</source>
      <translation>Для пакета {file} нужны изменения {first}–{last} офиса {office}, которые этот офис не получал: сначала примените более ранний пакет офиса {source}. Ничего не записано.</translation>
    </message>
    <message>
      <source>Cancelled: nothing was written.</source>
      <translation>Отменено: ничего не записано.</translation>
    </message>
  </context>
  <context>
    <name>app.sync.offices</name>
    <message>
      <source>An office code is 2 to 8 letters or digits, starting with a letter (e.g. TM).</source>
      <translation>Код офиса — от 2 до 8 букв или цифр, начиная с буквы (например, TM).</translation>
    </message>
    <message>
      <source>The office code {code} can no longer change: packages have already travelled with it.</source>
      <translation>Код офиса {code} больше нельзя изменить: с ним уже передавались пакеты.</translation>
    </message>
    <message>
      <source>The code {code} belongs to another office this database has heard from.</source>
      <translation>Код {code} принадлежит другому офису, от которого эта база данных уже получала изменения.</translation>
    </message>
  </context>
  <context>
    <name>app.sync.package</name>
    <message>
      <source>No sync passphrase: set CONVENE_SYNC_PASSPHRASE to the passphrase the offices share.</source>
      <translation>Не задана парольная фраза синхронизации: укажите в CONVENE_SYNC_PASSPHRASE общую парольную фразу офисов.</translation>
    </message>
    <message>
      <source>The sync passphrase must be at least 8 characters long.</source>
      <translation>Парольная фраза синхронизации должна содержать не менее 8 символов.</translation>
    </message>
    <message>
      <source>The package {path} cannot be read: {reason}.</source>
      <translation>Не удаётся прочитать пакет {path}: {reason}.</translation>
    </message>
    <message>
      <source>{path} is not a Convene sync package.</source>
      <translation>{path} не является пакетом синхронизации Convene.</translation>
    </message>
    <message>
      <source>The package {path} was written by a newer Convene (format {found}).</source>
      <translation>Пакет {path} записан более новой версией Convene (формат {found}).</translation>
    </message>
    <message>
      <source>The package {path} was refused: the passphrase is wrong or the file was changed after it was written.</source>
      <translation>Пакет {path} отклонён: неверная парольная фраза или файл изменён после записи.</translation>
    </message>
  </context>
  <context>
    <name>app.sync.restoring</name>
    <message numerus="yes">
      <source>%n change(s) this office had already numbered for other offices after the backup were kept: they may have travelled, and a restore cannot call them back.</source>
      <translation>
        <numerusform>Сохранено %n изменение, которое офис уже пронумеровал для других офисов после резервной копии: оно могло быть уже передано, и восстановление не может его отозвать.</numerusform>
        <numerusform>Сохранено %n изменения, которые офис уже пронумеровал для других офисов после резервной копии: они могли быть уже переданы, и восстановление не может их отозвать.</numerusform>
        <numerusform>Сохранено %n изменений, которые офис уже пронумеровал для других офисов после резервной копии: они могли быть уже переданы, и восстановление не может их отозвать.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>app.sync.status</name>
    <message>
      <source>No such conflict; it may have been settled already.</source>
      <translation>Такого конфликта нет; возможно, он уже решён.</translation>
    </message>
    <message>
      <source>The record of this conflict is no longer here.</source>
      <translation>Записи, к которой относится этот конфликт, больше нет.</translation>
    </message>
    <message>
      <source>event {0} “{1}”</source>
      <translation>мероприятие {0} «{1}»</translation>
    </message>
    <message>
      <source>person {0}</source>
      <translation>человек {0}</translation>
    </message>
  </context>
  <context>
    <name>ui.alike_dialog</name>
    <message>
      <source>Already recorded?</source>
      <translation>Уже внесён?</translation>
    </message>
    <message>
      <source>Use the selected person</source>
      <translation>Взять выбранного человека</translation>
    </message>
    <message>
      <source>Add as a new person</source>
      <translation>Добавить как нового человека</translation>
    </message>
    <message>
      <source> Add the person recorded instead of making a second record of them?</source>
      <translation> Взять уже внесённого человека вместо того, чтобы создавать вторую запись о нём?</translation>
    </message>
    <message>
      <source>“{typed}” is already recorded.</source>
      <translation>«{typed}» уже внесён.</translation>
    </message>
    <message>
      <source>“{typed}” may already be recorded.</source>
      <translation>«{typed}», возможно, уже внесён.</translation>
    </message>
  </context>
  <context>
    <name>ui.application</name>
    <message>
      <source>Convene</source>
      <translation>Convene</translation>
    </message>
    <message>
      <source>The database {value} cannot be opened. {problem}</source>
      <translation>Базу данных {value} не удаётся открыть. {problem}</translation>
    </message>
    <message>
      <source>The last database ({value}) cannot be opened: {problem}
Opening {describe} instead.</source>
      <translation>Последнюю базу данных ({value}) не удаётся открыть: {problem}
Вместо неё открывается {describe}.</translation>
    </message>
    <message>
      <source>The database was upgraded. A copy of it as it was is kept in
{backup_path}</source>
      <translation>База данных обновлена. Копия прежнего состояния сохранена в
{backup_path}</translation>
    </message>
  </context>
  <context>
    <name>ui.certificate_dialog</name>
    <message>
      <source>PDF document (*.pdf)</source>
      <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Images (*.png *.jpg *.jpeg *.bmp *.gif)</source>
      <translation>Изображения (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
      <source>Certificates of attendance — {reference}</source>
      <translation>Сертификаты участия — {reference}</translation>
    </message>
    <message>
      <source>{eligible} of {listed} listed may have a certificate; {issued} issued so far. Tick who to print.</source>
      <translation>Сертификат могут получить {eligible} из {listed} в списке; выдано пока: {issued}. Отметьте, кому печатать.</translation>
    </message>
    <message>
      <source> A partial attendee needs {days} days (set on the event's Details tab).</source>
      <translation> Участнику, присутствовавшему частично, нужно дней: {days} (задаётся на вкладке «Сведения» мероприятия).</translation>
    </message>
    <message>
      <source> Partial attendees need the days required set on the event's Details tab.</source>
      <translation> Для присутствовавших частично задайте нужное число дней на вкладке «Сведения» мероприятия.</translation>
    </message>
    <message>
      <source>Tick at least one person who may have a certificate.</source>
      <translation>Отметьте хотя бы одного человека, который может получить сертификат.</translation>
    </message>
    <message>
      <source>Saved {count} certificates to {path}.</source>
      <translation>Сертификаты ({count}) сохранены в {path}.</translation>
    </message>
    <message>
      <source>The logo is kept in the database and printed on every certificate.</source>
      <translation>Логотип хранится в базе данных и печатается на каждом сертификате.</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Да</translation>
    </message>
    <message>
      <source>not issued yet</source>
      <translation>ещё не выдан</translation>
    </message>
    <message>
      <source>May have one</source>
      <translation>Может получить</translation>
    </message>
    <message>
      <source>English</source>
      <translation>Английский</translation>
    </message>
    <message>
      <source>Russian</source>
      <translation>Русский</translation>
    </message>
    <message>
      <source>English and Russian</source>
      <translation>Английский и русский</translation>
    </message>
    <message>
      <source>Preview…</source>
      <translation>Просмотр…</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>Печать…</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>Сохранить в PDF…</translation>
    </message>
    <message>
      <source>Logo…</source>
      <translation>Логотип…</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <source>Save certificates as PDF</source>
      <translation>Сохранить сертификаты в PDF</translation>
    </message>
    <message>
      <source>Certificate logo</source>
      <translation>Логотип сертификата</translation>
    </message>
    <message>
      <source>No: {reason}</source>
      <translation>Нет: {reason}</translation>
    </message>
    <message>
      <source>Cannot read {path}: {value}.</source>
      <translation>Не удаётся прочитать {path}: {value}.</translation>
    </message>
  </context>
  <context>
    <name>ui.database_actions</name>
    <message>
      <source>Back up the database</source>
      <translation>Резервная копия базы данных</translation>
    </message>
    <message>
      <source>Backups (*.sqlite)</source>
      <translation>Резервные копии (*.sqlite)</translation>
    </message>
    <message>
      <source>Writing the backup…</source>
      <translation>Запись резервной копии…</translation>
    </message>
    <message>
      <source>Restore from a backup</source>
      <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
      <source>Backups (*.sqlite);;All files (*)</source>
      <translation>Резервные копии (*.sqlite);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Restoring…</source>
      <translation>Восстановление…</translation>
    </message>
    <message>
      <source>Replace everything in {describe} with the backup
{path}
({counts})?

The database as it is now is kept as a backup file first.</source>
      <translation>Заменить всё содержимое {describe} резервной копией
{path}
({counts})?

Текущее состояние базы данных сначала сохраняется в резервный файл.</translation>
    </message>
    <message>
      <source>Restored. The replaced database is kept as
{replaced_copy}</source>
      <translation>Восстановлено. Заменённая база данных сохранена как
{replaced_copy}</translation>
    </message>
    <message>
      <source>{path} already exists. Choose Open database to use it.</source>
      <translation>{path} уже существует. Чтобы работать с ним, выберите «Открыть базу данных».</translation>
    </message>
    <message>
      <source>Backup written to
{written}</source>
      <translation>Резервная копия записана в
{written}</translation>
    </message>
    <message>
      <source>No backup was written. {message}</source>
      <translation>Резервная копия не записана. {message}</translation>
    </message>
    <message>
      <source>Nothing was restored. {message}</source>
      <translation>Ничего не восстановлено. {message}</translation>
    </message>
    <message>
      <source>The database cannot be opened. {problem}</source>
      <translation>Базу данных не удаётся открыть. {problem}</translation>
    </message>
    <message>
      <source>The sample data could not be opened. {problem}</source>
      <translation>Не удалось открыть пример данных. {problem}</translation>
    </message>
  </context>
  <context>
    <name>ui.database_dialogs</name>
    <message>
      <source>Convene databases (*.sqlite *.db);;All files (*)</source>
      <translation>Базы данных Convene (*.sqlite *.db);;Все файлы (*)</translation>
    </message>
    <message>
      <source>New database</source>
      <translation>Новая база данных</translation>
    </message>
    <message>
      <source>Open database</source>
      <translation>Открыть базу данных</translation>
    </message>
    <message>
      <source>Open shared database</source>
      <translation>Открыть общую базу данных</translation>
    </message>
    <message>
      <source>New connection</source>
      <translation>Новое подключение</translation>
    </message>
    <message>
      <source>e.g. Regional office server</source>
      <translation>напр. сервер регионального офиса</translation>
    </message>
    <message>
      <source>postgresql://user@server:5432/convene</source>
      <translation>postgresql://пользователь@сервер:5432/convene</translation>
    </message>
    <message>
      <source>leave empty to use ~/.pgpass or the keyring</source>
      <translation>пусто: ~/.pgpass или хранилище паролей</translation>
    </message>
    <message>
      <source>Remember the password in this computer's keyring</source>
      <translation>Запомнить пароль в хранилище паролей этого компьютера</translation>
    </message>
    <message>
      <source>Kept by the system's secret store (never in Convene's settings); otherwise it is asked again next time.</source>
      <translation>Хранится в системном хранилище секретов (никогда в настройках Convene); иначе он будет запрошен в следующий раз.</translation>
    </message>
    <message>
      <source>Saved connections</source>
      <translation>Сохранённые подключения</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Адрес</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Пароль</translation>
    </message>
    <message>
      <source>Password for the shared database</source>
      <translation>Пароль общей базы данных</translation>
    </message>
    <message>
      <source>Remember it in this computer's keyring</source>
      <translation>Запомнить в хранилище паролей этого компьютера</translation>
    </message>
    <message>
      <source>Shared databases are PostgreSQL: the address starts with postgresql://</source>
      <translation>Общие базы данных — это PostgreSQL: адрес начинается с postgresql://</translation>
    </message>
    <message>
      <source>That is not a database address (postgresql://user@server/name).</source>
      <translation>Это не адрес базы данных (postgresql://пользователь@сервер/имя).</translation>
    </message>
    <message>
      <source>This computer has no keyring to keep the password in: untick "Remember", or use ~/.pgpass.</source>
      <translation>На этом компьютере нет хранилища паролей: снимите флажок «Запомнить» или используйте ~/.pgpass.</translation>
    </message>
    <message>
      <source>The password was not accepted. </source>
      <translation>Пароль не принят. </translation>
    </message>
    <message>
      <source>Enter the password for
{where}</source>
      <translation>Введите пароль для
{where}</translation>
    </message>
  </context>
  <context>
    <name>ui.errors</name>
    <message>
      <source>Something went wrong: {problem}

Nothing was saved by the action that failed. Details are in the log file:
{log_path}</source>
      <translation>Что-то пошло не так: {problem}

Неудавшееся действие ничего не сохранило. Подробности в файле журнала:
{log_path}</translation>
    </message>
  </context>
  <context>
    <name>ui.export_actions</name>
    <message>
      <source>Exporting…</source>
      <translation>Экспорт…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Export to Excel</source>
      <translation>Экспорт в Excel</translation>
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation>Экспорт отменён; файл не записан.</translation>
    </message>
    <message>
      <source>Exporting {what}: {done:,} of {total:,}</source>
      <translation>Экспорт ({what}): {done:,} из {total:,}</translation>
    </message>
    <message>
      <source>Exported {rows:,} rows to {path}.</source>
      <translation>Экспортировано строк: {rows:,}, файл {path}.</translation>
    </message>
  </context>
  <context>
    <name>ui.formatting</name>
    <message>
      <source>No</source>
      <translation>Нет</translation>
    </message>
  </context>
  <context>
    <name>ui.forms.base</name>
    <message>
      <source>Save</source>
      <translation>Сохранить</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <source>Changed by someone else</source>
      <translation>Изменено кем-то другим</translation>
    </message>
    <message>
      <source>Reload shows their version; your unsaved changes in this window are then lost. Keep editing lets you copy your changes before reloading.</source>
      <translation>«Перезагрузить» покажет их версию; несохранённые изменения в этом окне будут потеряны. «Продолжить правку» позволит скопировать ваши изменения до перезагрузки.</translation>
    </message>
    <message>
      <source>Reload</source>
      <translation>Перезагрузить</translation>
    </message>
    <message>
      <source>Keep editing</source>
      <translation>Продолжить правку</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Изменения</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>Несохранённые изменения</translation>
    </message>
    <message>
      <source>Save the changes to this {noun}?</source>
      <translation>Сохранить изменения?</translation>
    </message>
    <message>
      <source>{problem} Your changes could not be saved.</source>
      <translation>{problem} Изменения не удалось сохранить.</translation>
    </message>
    <message>
      <source>Your changes could not be saved. {problem}</source>
      <translation>Изменения не удалось сохранить. {problem}</translation>
    </message>
    <message>
      <source>The {noun} no longer exists.</source>
      <translation>Этой записи больше нет.</translation>
    </message>
  </context>
  <context>
    <name>ui.forms.event_form</name>
    <message>
      <source>Mark as held</source>
      <translation>Отметить как проведённое</translation>
    </message>
    <message>
      <source>A partial attendee gets a certificate after this many days; empty: only those who attended throughout.</source>
      <translation>Участник, присутствовавший частично, получает сертификат после стольких дней; пусто — только присутствовавшие всё время.</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Сведения</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Описание</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Партнёры</translation>
    </message>
    <message>
      <source>Print / PDF</source>
      <translation>Печать / PDF</translation>
    </message>
    <message>
      <source>New event</source>
      <translation>Новое мероприятие</translation>
    </message>
    <message>
      <source>What the event was called</source>
      <translation>Как называлось мероприятие</translation>
    </message>
    <message>
      <source>as written in Russian</source>
      <translation>как пишется по-русски</translation>
    </message>
    <message>
      <source>assigned on saving</source>
      <translation>присваивается при сохранении</translation>
    </message>
    <message>
      <source>e.g. CABMI Conference</source>
      <translation>напр. Конференция CABMI</translation>
    </message>
    <message>
      <source>Reported head-counts</source>
      <translation>Отчётная численность</translation>
    </message>
    <message>
      <source>For events known only by numbers (no participant list).</source>
      <translation>Для мероприятий, известных только по цифрам (без списка участников).</translation>
    </message>
    <message>
      <source>Certificates of attendance</source>
      <translation>Сертификаты участия</translation>
    </message>
    <message>
      <source>name</source>
      <translation>имя</translation>
    </message>
    <message>
      <source>post</source>
      <translation>должность</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Итоги</translation>
    </message>
    <message>
      <source>Event summary: print preview…</source>
      <translation>Справка о мероприятии: предпросмотр…</translation>
    </message>
    <message>
      <source>Event summary: print…</source>
      <translation>Справка о мероприятии: печать…</translation>
    </message>
    <message>
      <source>Event summary: save as PDF…</source>
      <translation>Справка о мероприятии: сохранить в PDF…</translation>
    </message>
    <message>
      <source>Sign-in sheet…</source>
      <translation>Лист регистрации…</translation>
    </message>
    <message>
      <source>Save sign-in sheet (PDF or Excel)…</source>
      <translation>Сохранить лист регистрации (PDF или Excel)…</translation>
    </message>
    <message>
      <source>Export participants to Excel…</source>
      <translation>Экспорт участников в Excel…</translation>
    </message>
    <message>
      <source>Certificates of attendance…</source>
      <translation>Сертификаты участия…</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>Печать</translation>
    </message>
    <message>
      <source>Reports show the event as saved. Save your changes first?</source>
      <translation>Отчёты показывают мероприятие в сохранённом виде. Сначала сохранить изменения?</translation>
    </message>
    <message>
      <source>Import attendee list</source>
      <translation>Импорт списка участников</translation>
    </message>
    <message>
      <source>The event is saved first. Save it now?</source>
      <translation>Сначала мероприятие сохраняется. Сохранить сейчас?</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(нет)</translation>
    </message>
    <message>
      <source>Participants ({n})</source>
      <translation>Участники ({n})</translation>
    </message>
    <message>
      <source>This event ended on {end}; was it held?</source>
      <translation>Мероприятие закончилось {end}; оно состоялось?</translation>
    </message>
  </context>
  <context>
    <name>ui.forms.event_summary_tab</name>
    <message>
      <source>No participants are recorded as having attended yet.</source>
      <translation>Пока не внесено ни одного участника, присутствовавшего на мероприятии.</translation>
    </message>
    <message>
      <source> — reported head-counts (no participant list)</source>
      <translation> — отчётная численность (без списка участников)</translation>
    </message>
    <message>
      <source>{total} took part: {female} women{share}, {male} men</source>
      <translation>Приняли участие: {total}, из них женщин — {female}{share}, мужчин — {male}</translation>
    </message>
    <message>
      <source>, {unspecified} not stated</source>
      <translation>, пол не указан — {unspecified}</translation>
    </message>
    <message>
      <source>The figures appear once the event is saved.</source>
      <translation>Цифры появятся после сохранения мероприятия.</translation>
    </message>
    <message>
      <source>Participants by country</source>
      <translation>Участники по странам</translation>
    </message>
    <message>
      <source>By country</source>
      <translation>По странам</translation>
    </message>
    <message>
      <source>By agency sector</source>
      <translation>По типу ведомства</translation>
    </message>
    <message>
      <source>By role</source>
      <translation>По роли</translation>
    </message>
    <message>
      <source>By attendance</source>
      <translation>По форме участия</translation>
    </message>
    <message>
      <source>Not counted: </source>
      <translation>Не учтены: </translation>
    </message>
  </context>
  <context>
    <name>ui.forms.organization_form</name>
    <message>
      <source>New organisation</source>
      <translation>Новая организация</translation>
    </message>
    <message>
      <source>Full name in English</source>
      <translation>Полное название на английском</translation>
    </message>
    <message>
      <source>As the organisation writes it</source>
      <translation>Как пишет сама организация</translation>
    </message>
    <message>
      <source>(not a national agency)</source>
      <translation>(не государственное ведомство)</translation>
    </message>
    <message>
      <source>People ({n})</source>
      <translation>Люди ({n})</translation>
    </message>
    <message>
      <source>Events ({n})</source>
      <translation>Мероприятия ({n})</translation>
    </message>
  </context>
  <context>
    <name>ui.forms.participants_tab</name>
    <message>
      <source>Add to the list</source>
      <translation>Добавить в список</translation>
    </message>
    <message>
      <source>as the person's agency is called</source>
      <translation>как называется ведомство человека</translation>
    </message>
    <message>
      <source>Add a person: type part of a name (Latin or Cyrillic) or an e-mail</source>
      <translation>Добавить человека: введите часть имени (латиницей или кириллицей) или e-mail</translation>
    </message>
    <message>
      <source>New person…</source>
      <translation>Новый человек…</translation>
    </message>
    <message>
      <source>Import list…</source>
      <translation>Импорт списка…</translation>
    </message>
    <message>
      <source>Set status of selected</source>
      <translation>Статус выбранных</translation>
    </message>
    <message>
      <source>Remove selected</source>
      <translation>Убрать выбранных</translation>
    </message>
    <message>
      <source>New person added to the list (created when you save).</source>
      <translation>Новый человек добавлен в список (будет создан при сохранении).</translation>
    </message>
    <message numerus="yes">
      <source>Status set for %n [person|people].</source>
      <translation>
        <numerusform>Статус задан для %n человека.</numerusform>
        <numerusform>Статус задан для %n человек.</numerusform>
        <numerusform>Статус задан для %n человек.</numerusform>
      </translation>
    </message>
    <message>
      <source>Select the rows whose status you want to set.</source>
      <translation>Выберите строки, статус которых нужно задать.</translation>
    </message>
    <message>
      <source>Latin</source>
      <translation>Латиницей</translation>
    </message>
    <message>
      <source>Cyrillic, as written</source>
      <translation>Кириллицей, как написано</translation>
    </message>
    <message>
      <source>e.g. Senior inspector</source>
      <translation>напр. старший инспектор</translation>
    </message>
    <message>
      <source>Added {display_name} (saved with the event).</source>
      <translation>Добавлен(а) {display_name} (сохраняется вместе с мероприятием).</translation>
    </message>
    <message>
      <source>{display_name} is already on the list.</source>
      <translation>{display_name} уже есть в списке.</translation>
    </message>
  </context>
  <context>
    <name>ui.forms.partners_tab</name>
    <message>
      <source>Add as partner</source>
      <translation>Добавить как партнёра</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Добавить</translation>
    </message>
    <message>
      <source>New organisation…</source>
      <translation>Новая организация…</translation>
    </message>
    <message>
      <source>Added (saved with the event).</source>
      <translation>Добавлено (сохраняется вместе с мероприятием).</translation>
    </message>
    <message>
      <source>Choose an organisation…</source>
      <translation>Выберите организацию…</translation>
    </message>
    <message>
      <source>Choose an organisation first.</source>
      <translation>Сначала выберите организацию.</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Полное имя</translation>
    </message>
    <message>
      <source>{organization} already has that role.</source>
      <translation>У организации «{organization}» уже есть эта роль.</translation>
    </message>
  </context>
  <context>
    <name>ui.forms.person_form</name>
    <message>
      <source>History</source>
      <translation>История</translation>
    </message>
    <message>
      <source>Personal data</source>
      <translation>Персональные данные</translation>
    </message>
    <message>
      <source>New person</source>
      <translation>Новый человек</translation>
    </message>
    <message>
      <source>Name in Latin letters</source>
      <translation>Имя латиницей</translation>
    </message>
    <message>
      <source>e.g. Ataýew / Ataev</source>
      <translation>напр. Ataýew / Ataev</translation>
    </message>
    <message>
      <source>Name as written locally</source>
      <translation>Имя в местном написании</translation>
    </message>
    <message>
      <source>Post and contacts</source>
      <translation>Должность и контакты</translation>
    </message>
    <message>
      <source>Export everything held about this person…</source>
      <translation>Экспорт всех данных об этом человеке…</translation>
    </message>
    <message>
      <source>Anonymise…</source>
      <translation>Обезличить…</translation>
    </message>
    <message>
      <source>History ({n})</source>
      <translation>История ({n})</translation>
    </message>
    <message>
      <source>superseded by {newer}</source>
      <translation>заменён сертификатом {newer}</translation>
    </message>
  </context>
  <context>
    <name>ui.forms.project_form</name>
    <message>
      <source>New project</source>
      <translation>Новый проект</translation>
    </message>
    <message>
      <source>Add donor</source>
      <translation>Добавить донора</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Убрать</translation>
    </message>
  </context>
  <context>
    <name>ui.import_models</name>
    <message>
      <source>Matched</source>
      <translation>Найден</translation>
    </message>
    <message>
      <source>Choose</source>
      <translation>Выбрать</translation>
    </message>
    <message>
      <source>Repeated</source>
      <translation>Повтор</translation>
    </message>
    <message>
      <source>Skipped</source>
      <translation>Пропущен</translation>
    </message>
    <message>
      <source>Ignored</source>
      <translation>Не учитывается</translation>
    </message>
    <message>
      <source>heading row ('{0}')</source>
      <translation>строка-заголовок («{0}»)</translation>
    </message>
    <message>
      <source>sex taken from the name ({0})</source>
      <translation>пол определён по имени ({0})</translation>
    </message>
    <message>
      <source>column {0} ({1}): {2}</source>
      <translation>столбец {0} ({1}): {2}</translation>
    </message>
    <message>
      <source>column {0}: {1}</source>
      <translation>столбец {0}: {1}</translation>
    </message>
    <message>
      <source>not read: the {0} is taken from column {1}</source>
      <translation>не прочитано: поле «{0}» взято из столбца {1}</translation>
    </message>
    <message>
      <source>not read: '{0}', written with the name</source>
      <translation>не прочитано: «{0}», написано с именем</translation>
    </message>
    <message>
      <source>kept the first, not {0}</source>
      <translation>оставлен первый, не {0}</translation>
    </message>
    <message>
      <source>'{0}' is not an attendance mark</source>
      <translation>«{0}» — не отметка о присутствии</translation>
    </message>
    <message>
      <source>no family name (only '{0}')</source>
      <translation>нет фамилии (только «{0}»)</translation>
    </message>
    <message>
      <source>a note in parentheses ('{0}'), no name</source>
      <translation>примечание в скобках («{0}»), без имени</translation>
    </message>
    <message>
      <source>signature, stamp or note ('{0}')</source>
      <translation>подпись, печать или примечание («{0}»)</translation>
    </message>
    <message>
      <source>not a person: '{0}' names an organisation</source>
      <translation>не человек: «{0}» — название организации</translation>
    </message>
    <message>
      <source>the same person as row {0}</source>
      <translation>тот же человек, что в строке {0}</translation>
    </message>
    <message>
      <source>the person of row {0}</source>
      <translation>человек из строки {0}</translation>
    </message>
    <message>
      <source>not the person of row {0} ({1})</source>
      <translation>не человек из строки {0} ({1})</translation>
    </message>
    <message>
      <source>found as the same person as row {0}, but the rows differ ({1}): it may be someone else</source>
      <translation>найден как человек из строки {0}, но строки расходятся ({1}): возможно, это другой человек</translation>
    </message>
    <message>
      <source>already listed for this event (the list changes {0})</source>
      <translation>уже в списке мероприятия (список меняет: {0})</translation>
    </message>
    <message>
      <source>{0} (the record is kept)</source>
      <translation>{0} (запись в базе сохраняется)</translation>
    </message>
    <message>
      <source>the list says {0}, the record {1}</source>
      <translation>в списке — {0}, в базе — {1}</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Строка</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Результат</translation>
    </message>
    <message>
      <source>Name in the list</source>
      <translation>Имя в списке</translation>
    </message>
    <message>
      <source>In the database</source>
      <translation>В базе данных</translation>
    </message>
    <message>
      <source>Problems and notes</source>
      <translation>Проблемы и замечания</translation>
    </message>
    <message>
      <source> and </source>
      <translation> и </translation>
    </message>
  </context>
  <context>
    <name>ui.import_pages</name>
    <message>
      <source>Review what will happen</source>
      <translation>Проверьте, что будет сделано</translation>
    </message>
    <message>
      <source>Only rows that need attention</source>
      <translation>Только строки, требующие внимания</translation>
    </message>
    <message>
      <source>Row is:</source>
      <translation>Строка — это:</translation>
    </message>
    <message>
      <source>Use this</source>
      <translation>Выбрать</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>&amp;Импортировать</translation>
    </message>
    <message>
      <source>Comparing the list with the people in the database…</source>
      <translation>Сравнение списка с людьми в базе данных…</translation>
    </message>
    <message>
      <source>a new person</source>
      <translation>новый человек</translation>
    </message>
    <message>
      <source>chosen by you</source>
      <translation>выбрано вами</translation>
    </message>
    <message>
      <source>Importing</source>
      <translation>Импорт</translation>
    </message>
    <message>
      <source>Cancel the import</source>
      <translation>Отменить импорт</translation>
    </message>
    <message>
      <source>Starting…</source>
      <translation>Начало…</translation>
    </message>
    <message>
      <source>Done.</source>
      <translation>Готово.</translation>
    </message>
    <message>
      <source>Save the rows to fix…</source>
      <translation>Сохранить строки для исправления…</translation>
    </message>
    <message>
      <source>Rows to fix</source>
      <translation>Строки для исправления</translation>
    </message>
    <message>
      <source>Excel (*.xlsx)</source>
      <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Into &lt;b&gt;{event}&lt;/b&gt;: {new} new people, {matched} matched ({already} already listed), {ambiguous} to choose, {repeats} repeating an earlier row, {skipped} not imported, {ignored} blank, heading or total rows ignored; {problems} left out.</source>
      <translation>В &lt;b&gt;{event}&lt;/b&gt;: новых людей — {new}, найдено в базе — {matched} (уже в списке — {already}), выбрать — {ambiguous}, повторяют прежнюю строку — {repeats}, не импортируется — {skipped}, пропущено пустых строк, заголовков и итогов — {ignored}; строк с пропущенным значением — {problems}.</translation>
    </message>
    <message numerus="yes">
      <source>%n row(s) with a value</source>
      <translation>
        <numerusform>%n</numerusform>
        <numerusform>%n</numerusform>
        <numerusform>%n</numerusform>
      </translation>
    </message>
    <message>
      <source>chosen: a new person</source>
      <translation>выбрано: новый человек</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Отмена…</translation>
    </message>
    <message>
      <source>Cancelled: nothing was imported. Go back to change something, or close.</source>
      <translation>Отменено: ничего не импортировано. Вернитесь, чтобы что-то изменить, или закройте.</translation>
    </message>
    <message>
      <source>Nothing to fix.</source>
      <translation>Исправлять нечего.</translation>
    </message>
    <message>
      <source> - to fix.xlsx</source>
      <translation> - исправить.xlsx</translation>
    </message>
    <message>
      <source>{rows} written to {path}.</source>
      <translation>Записано в {path}: {rows}.</translation>
    </message>
    <message>
      <source>the same as {who}</source>
      <translation>то же, что {who}</translation>
    </message>
    <message>
      <source>{rows} to fix: skipped, or with a value left out.</source>
      <translation>Для исправления: {rows} (пропущены или с пропущенным значением).</translation>
    </message>
    <message>
      <source>&lt;p&gt;{file}, sheet “{sheet}”, into &lt;b&gt;{event}&lt;/b&gt;:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;{created} added to the database&lt;/li&gt;&lt;li&gt;{matched} found already in the database&lt;/li&gt;&lt;li&gt;{added} added to the event; {already} already listed&lt;/li&gt;&lt;li&gt;{updated} of the people found got details the database did not have&lt;/li&gt;&lt;li&gt;{ignored} ignored (blank, heading or total rows)&lt;/li&gt;&lt;li&gt;{repeats} repeating an earlier row (one participation)&lt;/li&gt;&lt;li&gt;{skipped} not imported&lt;/li&gt;&lt;/ul&gt;</source>
      <translation>&lt;p&gt;{file}, лист «{sheet}», в &lt;b&gt;{event}&lt;/b&gt;:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;добавлено в базу данных: {created}&lt;/li&gt;&lt;li&gt;уже были в базе данных: {matched}&lt;/li&gt;&lt;li&gt;добавлено в мероприятие: {added}; уже в списке: {already}&lt;/li&gt;&lt;li&gt;найденные люди, получившие сведения, которых не было в базе: {updated}&lt;/li&gt;&lt;li&gt;пропущено (пустые строки, заголовки, итоги): {ignored}&lt;/li&gt;&lt;li&gt;повторяют прежнюю строку (одно участие): {repeats}&lt;/li&gt;&lt;li&gt;не импортировано: {skipped}&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message numerus="yes">
      <source>%n [person|people]</source>
      <translation>
        <numerusform>%n человек</numerusform>
        <numerusform>%n человека</numerusform>
        <numerusform>%n человек</numerusform>
      </translation>
    </message>
    <message>
      <source>Not imported:</source>
      <translation>Не импортировано:</translation>
    </message>
    <message>
      <source>… and {n} more.</source>
      <translation>… и ещё {n}.</translation>
    </message>
  </context>
  <context>
    <name>ui.import_wizard</name>
    <message>
      <source>Attendee lists (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.tsv *.mdb *.accdb);;All files (*)</source>
      <translation>Списки участников (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.tsv *.mdb *.accdb);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Choose the attendee list</source>
      <translation>Выберите список участников</translation>
    </message>
    <message>
      <source>Excel (.xlsx, .xls, .xlsb), LibreOffice (.ods) or CSV files, or a table of an Access database (.mdb, .accdb).</source>
      <translation>Файлы Excel (.xlsx, .xls, .xlsb), LibreOffice (.ods) или CSV, либо таблица базы данных Access (.mdb, .accdb).</translation>
    </message>
    <message>
      <source>The list's file</source>
      <translation>Файл списка</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Обзор…</translation>
    </message>
    <message>
      <source>There are no events yet. An attendee list goes into an event: close this, record the event (Events list → New event), then import its list from the event's Participants tab.</source>
      <translation>Мероприятий пока нет. Список участников импортируется в мероприятие: закройте это окно, внесите мероприятие (список «Мероприятия» → «Создать»), затем импортируйте список на вкладке «Участники» мероприятия.</translation>
    </message>
    <message>
      <source>Attendee list</source>
      <translation>Список участников</translation>
    </message>
    <message>
      <source>Reading the file…</source>
      <translation>Чтение файла…</translation>
    </message>
    <message>
      <source>Check the header row and the columns</source>
      <translation>Проверьте строку заголовков и столбцы</translation>
    </message>
    <message>
      <source>none</source>
      <translation>нет</translation>
    </message>
    <message>
      <source>Event:</source>
      <translation>Мероприятие:</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>Файл:</translation>
    </message>
    <message>
      <source>Sheet:</source>
      <translation>Лист:</translation>
    </message>
    <message>
      <source> It keeps linked tables: {tables}. To bring in all their events and people: python main.py import FILE --events-table "{events}" --people-table "{people}" --links-table "{links}".</source>
      <translation> В нём связанные таблицы: {tables}. Чтобы внести все их мероприятия и людей: python main.py import ФАЙЛ --events-table "{events}" --people-table "{people}" --links-table "{links}".</translation>
    </message>
    <message>
      <source>Headers are in row</source>
      <translation>Заголовки в строке</translation>
    </message>
    <message>
      <source>Columns as in an earlier import of a list laid out like this one.</source>
      <translation>Столбцы — как при прежнем импорте списка такого же вида.</translation>
    </message>
    <message numerus="yes">
      <source>%n sheet(s) in this file.</source>
      <translation>
        <numerusform>В этом файле %n лист.</numerusform>
        <numerusform>В этом файле %n листа.</numerusform>
        <numerusform>В этом файле %n листов.</numerusform>
      </translation>
    </message>
    <message>
      <source> (hidden)</source>
      <translation> (скрыт)</translation>
    </message>
    <message>
      <source>This sheet is a register of {count} events ({first} – {last}): its columns {columns} say which event each row belongs to. Imported here, every row would go into the one event chosen; to bring in each event with its people, import it as a register: python main.py import FILE --register (README: “Bringing in your history”).</source>
      <translation>Этот лист — реестр мероприятий ({count}, {first} – {last}): столбцы {columns} указывают, к какому мероприятию относится каждая строка. Здесь все строки попали бы в одно выбранное мероприятие; чтобы внести каждое мероприятие с его участниками, импортируйте лист как реестр: python main.py import ФАЙЛ --register (README: «Bringing in your history»).</translation>
    </message>
  </context>
  <context>
    <name>ui.list_page</name>
    <message>
      <source>Nothing matches the search and filters.</source>
      <translation>Ничего не соответствует поиску и фильтрам.</translation>
    </message>
    <message>
      <source>No events are recorded yet. Record the first one, import an attendee list into it, or look around in the sample data first (it opens in a file of its own, apart from your records).</source>
      <translation>Мероприятия пока не внесены. Внесите первое, импортируйте в него список участников или сначала посмотрите пример данных (он открывается в отдельном файле, отдельно от ваших записей).</translation>
    </message>
    <message>
      <source>No people are recorded yet. People come with an event: type them in on its Participants tab, or import the attendee list a partner agency sent.</source>
      <translation>Люди пока не внесены. Люди вносятся вместе с мероприятием: введите их на вкладке «Участники» или импортируйте список участников, присланный ведомством-партнёром.</translation>
    </message>
    <message>
      <source>No organisations are recorded yet. They are added with the people who work for them (and by imports), or here by hand.</source>
      <translation>Организации пока не внесены. Они добавляются вместе с людьми, которые в них работают (и при импорте), или здесь вручную.</translation>
    </message>
    <message>
      <source>No projects are recorded yet. A project groups events under one donor-funded programme for the period reports.</source>
      <translation>Проекты пока не внесены. Проект объединяет мероприятия одной программы, финансируемой донором, для отчётов за период.</translation>
    </message>
    <message>
      <source>The recycle bin is empty. Records you delete wait here until you restore them.</source>
      <translation>Корзина пуста. Удалённые записи хранятся здесь, пока вы их не восстановите.</translation>
    </message>
    <message>
      <source>All countries</source>
      <translation>Все страны</translation>
    </message>
    <message>
      <source>All types</source>
      <translation>Все типы</translation>
    </message>
    <message>
      <source>All formats</source>
      <translation>Все форматы</translation>
    </message>
    <message>
      <source>All projects</source>
      <translation>Все проекты</translation>
    </message>
    <message>
      <source>All partners</source>
      <translation>Все партнёры</translation>
    </message>
    <message>
      <source>All nationalities</source>
      <translation>Любое гражданство</translation>
    </message>
    <message>
      <source>All organisations</source>
      <translation>Все организации</translation>
    </message>
    <message>
      <source>Any sex</source>
      <translation>Любой пол</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>Все виды</translation>
    </message>
    <message>
      <source>All sectors</source>
      <translation>Все секторы</translation>
    </message>
    <message>
      <source>All donors</source>
      <translation>Все доноры</translation>
    </message>
    <message>
      <source>Import an attendee list…</source>
      <translation>Импорт списка участников…</translation>
    </message>
    <message>
      <source>Open the sample data</source>
      <translation>Открыть пример данных</translation>
    </message>
    <message>
      <source>Clear the search and filters</source>
      <translation>Сбросить поиск и фильтры</translation>
    </message>
    <message>
      <source>Any time</source>
      <translation>Любое время</translation>
    </message>
    <message>
      <source>Organisations</source>
      <translation>Организации</translation>
    </message>
    <message>
      <source>Projects</source>
      <translation>Проекты</translation>
    </message>
    <message>
      <source>Date range…</source>
      <translation>Период…</translation>
    </message>
  </context>
  <context>
    <name>ui.main_window</name>
    <message>
      <source>Recycle bin</source>
      <translation>Корзина</translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n event(s)</source>
      <translation>
        <numerusform>{shown} из %n мероприятия</numerusform>
        <numerusform>{shown} из %n мероприятий</numerusform>
        <numerusform>{shown} из %n мероприятий</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n [person|people]</source>
      <translation>
        <numerusform>{shown} из %n человека</numerusform>
        <numerusform>{shown} из %n человек</numerusform>
        <numerusform>{shown} из %n человек</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n organisation(s)</source>
      <translation>
        <numerusform>%n организация</numerusform>
        <numerusform>%n организации</numerusform>
        <numerusform>%n организаций</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n organisation(s)</source>
      <translation>
        <numerusform>{shown} из %n организации</numerusform>
        <numerusform>{shown} из %n организаций</numerusform>
        <numerusform>{shown} из %n организаций</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n project(s)</source>
      <translation>
        <numerusform>%n проект</numerusform>
        <numerusform>%n проекта</numerusform>
        <numerusform>%n проектов</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n project(s)</source>
      <translation>
        <numerusform>{shown} из %n проекта</numerusform>
        <numerusform>{shown} из %n проектов</numerusform>
        <numerusform>{shown} из %n проектов</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n record(s) in the recycle bin</source>
      <translation>
        <numerusform>%n запись в корзине</numerusform>
        <numerusform>%n записи в корзине</numerusform>
        <numerusform>%n записей в корзине</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n record(s) in the recycle bin</source>
      <translation>
        <numerusform>{shown} из %n записи в корзине</numerusform>
        <numerusform>{shown} из %n записей в корзине</numerusform>
        <numerusform>{shown} из %n записей в корзине</numerusform>
      </translation>
    </message>
    <message>
      <source>Opening the database…</source>
      <translation>Открытие базы данных…</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Создать</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Открыть</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Восстановить</translation>
    </message>
    <message>
      <source>Merge duplicates…</source>
      <translation>Объединить дубликаты…</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Обновить</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>Найти</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Экспорт…</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>Записи</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <source>Recent databases</source>
      <translation>Недавние базы данных</translation>
    </message>
    <message>
      <source>&amp;Records</source>
      <translation>&amp;Записи</translation>
    </message>
    <message>
      <source>Re&amp;ports</source>
      <translation>&amp;Отчёты</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Вид</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Язык</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <source>About Convene</source>
      <translation>О программе Convene</translation>
    </message>
    <message>
      <source>New database…</source>
      <translation>Новая база данных…</translation>
    </message>
    <message>
      <source>Open database…</source>
      <translation>Открыть базу данных…</translation>
    </message>
    <message>
      <source>Open shared database…</source>
      <translation>Открыть общую базу данных…</translation>
    </message>
    <message>
      <source>Open sample data</source>
      <translation>Открыть пример данных</translation>
    </message>
    <message>
      <source>Import attendee list…</source>
      <translation>Импорт списка участников…</translation>
    </message>
    <message>
      <source>Synchronise…</source>
      <translation>Синхронизация…</translation>
    </message>
    <message>
      <source>Back up…</source>
      <translation>Резервная копия…</translation>
    </message>
    <message>
      <source>Restore from backup…</source>
      <translation>Восстановить из резервной копии…</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Выход</translation>
    </message>
    <message>
      <source>Retention review…</source>
      <translation>Проверка сроков хранения…</translation>
    </message>
    <message>
      <source>Period report…</source>
      <translation>Отчёт за период…</translation>
    </message>
    <message>
      <source>Windows already open keep their language until you close them.</source>
      <translation>Уже открытые окна сохраняют свой язык, пока вы их не закроете.</translation>
    </message>
    <message>
      <source>%s — read only: your account may not change records</source>
      <translation>%s — только чтение: ваша учётная запись не может изменять записи</translation>
    </message>
    <message>
      <source>%s. Refresh (F5) tries again.</source>
      <translation>%s. Обновить (F5) — попробовать снова.</translation>
    </message>
    <message>
      <source>Select the two records to merge (Ctrl+click the second one).</source>
      <translation>Выберите две записи для объединения (вторую — Ctrl+щелчок).</translation>
    </message>
    <message>
      <source>Select one event in the Events list first.</source>
      <translation>Сначала выберите одно мероприятие в списке «Мероприятия».</translation>
    </message>
    <message>
      <source>Events, people and organisations can be exported to Excel.</source>
      <translation>В Excel можно экспортировать мероприятия, людей и организации.</translation>
    </message>
    <message>
      <source>Search {what}…  (Ctrl+F)</source>
      <translation>Поиск: {what}…  (Ctrl+F)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Convene&lt;/b&gt; {version__}&lt;br&gt;Records of capacity-building events, their participants and partner organisations.&lt;br&gt;&lt;br&gt;Database: {value}</source>
      <translation>&lt;b&gt;Convene&lt;/b&gt; {version__}&lt;br&gt;Учёт мероприятий по наращиванию потенциала, их участников и организаций-партнёров.&lt;br&gt;&lt;br&gt;База данных: {value}</translation>
    </message>
    <message>
      <source>(none yet)</source>
      <translation>(пока нет)</translation>
    </message>
    <message>
      <source>The automatic backup failed: {message}</source>
      <translation>Автоматическое резервное копирование не удалось: {message}</translation>
    </message>
    <message>
      <source>(none open)</source>
      <translation>(не открыта)</translation>
    </message>
    <message>
      <source>Today's automatic backup: {path}</source>
      <translation>Сегодняшняя автоматическая резервная копия: {path}</translation>
    </message>
  </context>
  <context>
    <name>ui.merge_dialog</name>
    <message>
      <source>Merge</source>
      <translation>Объединить</translation>
    </message>
    <message>
      <source>Merge two people</source>
      <translation>Объединение двух записей о людях</translation>
    </message>
    <message>
      <source>Merge two organisations</source>
      <translation>Объединение двух организаций</translation>
    </message>
    <message>
      <source>Pick the value to keep for each field. Everything linked to the other person moves to the one you keep; the other goes to the recycle bin. The merge is recorded in the change history of both.</source>
      <translation>Выберите значение, которое остаётся, для каждого поля. Всё, что связано с другим человеком, переходит к оставляемому; другая запись попадает в корзину. Объединение записывается в историю изменений обеих записей.</translation>
    </message>
    <message>
      <source>Pick the value to keep for each field. Everything linked to the other organisation moves to the one you keep; the other goes to the recycle bin. The merge is recorded in the change history of both.</source>
      <translation>Выберите значение, которое остаётся, для каждого поля. Всё, что связано с другой организацией, переходит к оставляемой; другая попадает в корзину. Объединение записывается в историю изменений обеих.</translation>
    </message>
    <message numerus="yes">
      <source>Keep this person  (%n event(s))</source>
      <translation>
        <numerusform>Оставить  (%n мероприятие)</numerusform>
        <numerusform>Оставить  (%n мероприятия)</numerusform>
        <numerusform>Оставить  (%n мероприятий)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Keep this organisation  (%n [person|people])</source>
      <translation>
        <numerusform>Оставить  (%n человек)</numerusform>
        <numerusform>Оставить  (%n человека)</numerusform>
        <numerusform>Оставить  (%n человек)</numerusform>
      </translation>
    </message>
    <message>
      <source>Nothing was merged. {problem}</source>
      <translation>Ничего не объединено. {problem}</translation>
    </message>
  </context>
  <context>
    <name>ui.office_dialog</name>
    <message>
      <source>This office</source>
      <translation>Этот офис</translation>
    </message>
    <message>
      <source>Every database belongs to one office. Its code goes into the references of new events (TM-2026-007), so that no two offices make the same one, and into the packages offices exchange. The code can change until the office's first package; the name at any time (File → Synchronise).</source>
      <translation>Каждая база данных принадлежит одному офису. Его код входит в номера новых мероприятий (TM-2026-007), чтобы два офиса не присвоили один и тот же номер, и в пакеты, которыми обмениваются офисы. Код можно изменить до первого пакета офиса, название — в любое время (Файл → Синхронизация).</translation>
    </message>
    <message>
      <source>The code can change until the office's first package; the name at any time.</source>
      <translation>Код можно изменить до первого пакета офиса, название — в любое время.</translation>
    </message>
    <message>
      <source>e.g. TM</source>
      <translation>например, TM</translation>
    </message>
    <message>
      <source>e.g. Ashgabat</source>
      <translation>например, Ашхабад</translation>
    </message>
    <message>
      <source>Office code (2–8 letters or digits, e.g. TM):</source>
      <translation>Код офиса (2–8 букв или цифр, например TM):</translation>
    </message>
    <message>
      <source>Office name:</source>
      <translation>Название офиса:</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>Позже</translation>
    </message>
  </context>
  <context>
    <name>ui.platform_check</name>
    <message>
      <source>Convene cannot open its window: this system lacks libraries Qt needs ({join}); on Debian or Ubuntu install them with 'sudo apt-get install {packages}' (other systems: the packages that provide them).</source>
      <translation>Convene не может открыть окно: в системе нет библиотек, нужных Qt ({join}); в Debian или Ubuntu установите их командой 'sudo apt-get install {packages}' (в других системах — пакеты, которые их содержат).</translation>
    </message>
  </context>
  <context>
    <name>ui.privacy_actions</name>
    <message>
      <source>Export personal data</source>
      <translation>Экспорт персональных данных</translation>
    </message>
    <message>
      <source>Anonymise</source>
      <translation>Обезличить</translation>
    </message>
    <message>
      <source>Anonymising…</source>
      <translation>Обезличивание…</translation>
    </message>
    <message>
      <source>Retention review</source>
      <translation>Проверка сроков хранения</translation>
    </message>
    <message numerus="yes">
      <source> [year|years]</source>
      <translation>
        <numerusform> год</numerusform>
        <numerusform> года</numerusform>
        <numerusform> лет</numerusform>
      </translation>
    </message>
    <message>
      <source>Anonymise all listed…</source>
      <translation>Обезличить всех в списке…</translation>
    </message>
    <message numerus="yes">
      <source>%n [person|people] due for anonymising.</source>
      <translation>
        <numerusform>%n человек подлежит обезличиванию.</numerusform>
        <numerusform>%n человека подлежат обезличиванию.</numerusform>
        <numerusform>%n человек подлежат обезличиванию.</numerusform>
      </translation>
    </message>
    <message>
      <source>this person</source>
      <translation>этого человека</translation>
    </message>
    <message>
      <source>{value} - personal data.xlsx</source>
      <translation>{value} - персональные данные.xlsx</translation>
    </message>
    <message>
      <source>Everything held about {name} was written to
{path}</source>
      <translation>Все данные о человеке {name} записаны в
{path}</translation>
    </message>
    <message>
      <source>Erase the names, contacts, posts and notes of {what}, and of any duplicates merged into them? Sex, nationality, organisation and participations are kept, so figures do not change. This cannot be undone.</source>
      <translation>Стереть имена, контакты, должности и примечания ({what}), а также объединённых с ними дубликатов? Пол, гражданство, организация и участие сохраняются, так что цифры не изменятся. Это нельзя отменить.</translation>
    </message>
    <message>
      <source>People with no participation in the last</source>
      <translation>Люди, не участвовавшие за последние</translation>
    </message>
    <message>
      <source>Nothing was changed. {message}</source>
      <translation>Ничего не изменено. {message}</translation>
    </message>
    <message>
      <source>In recycle bin</source>
      <translation>В корзине</translation>
    </message>
    <message>
      <source>these {n_ids} people</source>
      <translation>этих людей: {n_ids}</translation>
    </message>
    <message>
      <source>Nothing was written. {problem}</source>
      <translation>Ничего не записано. {problem}</translation>
    </message>
  </context>
  <context>
    <name>ui.record_actions</name>
    <message>
      <source>Move to the recycle bin</source>
      <translation>Переместить в корзину</translation>
    </message>
    <message>
      <source>(no longer recorded)</source>
      <translation>(больше не внесено)</translation>
    </message>
    <message>
      <source>Move the {one} {value} to the recycle bin?</source>
      <translation>Переместить в корзину: {value}?</translation>
    </message>
    <message>
      <source>Move these {n_ids} {many} to the recycle bin?

{listed}{more}
</source>
      <translation>Переместить в корзину эти записи ({n_ids})?

{listed}{more}
</translation>
    </message>
    <message>
      <source>{question}
You can restore from there.</source>
      <translation>{question}
Из корзины их можно восстановить.</translation>
    </message>
    <message>
      <source>
… and {n} more</source>
      <translation>
… и ещё {n}</translation>
    </message>
    <message>
      <source>Nothing was changed. {problem}</source>
      <translation>Ничего не изменено. {problem}</translation>
    </message>
  </context>
  <context>
    <name>ui.report_actions</name>
    <message>
      <source>Save sign-in sheet</source>
      <translation>Сохранить лист регистрации</translation>
    </message>
    <message>
      <source>sign-in sheet.pdf</source>
      <translation>лист регистрации.pdf</translation>
    </message>
    <message>
      <source>Print event summary…</source>
      <translation>Печать справки о мероприятии…</translation>
    </message>
    <message>
      <source>Event summary print preview…</source>
      <translation>Предпросмотр справки о мероприятии…</translation>
    </message>
    <message>
      <source>Save event summary as PDF…</source>
      <translation>Сохранить справку о мероприятии в PDF…</translation>
    </message>
    <message>
      <source>Save sign-in sheet…</source>
      <translation>Сохранить лист регистрации…</translation>
    </message>
    <message>
      <source>Export events to Excel…</source>
      <translation>Экспорт мероприятий в Excel…</translation>
    </message>
    <message>
      <source>Export people to Excel…</source>
      <translation>Экспорт людей в Excel…</translation>
    </message>
    <message>
      <source>Export organisations to Excel…</source>
      <translation>Экспорт организаций в Excel…</translation>
    </message>
    <message>
      <source>Export this event's participants to Excel…</source>
      <translation>Экспорт участников этого мероприятия в Excel…</translation>
    </message>
  </context>
  <context>
    <name>ui.report_dialogs</name>
    <message>
      <source>Event summary</source>
      <translation>Справка о мероприятии</translation>
    </message>
    <message>
      <source>Leave out the list of participants (names)</source>
      <translation>Без списка участников (имён)</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>Язык:</translation>
    </message>
    <message>
      <source>Period report</source>
      <translation>Отчёт за период</translation>
    </message>
    <message>
      <source>From:</source>
      <translation>С:</translation>
    </message>
    <message>
      <source>To:</source>
      <translation>По:</translation>
    </message>
    <message>
      <source>Country:</source>
      <translation>Страна:</translation>
    </message>
    <message>
      <source>Project:</source>
      <translation>Проект:</translation>
    </message>
    <message>
      <source>Partner:</source>
      <translation>Партнёр:</translation>
    </message>
    <message>
      <source>Save as Excel…</source>
      <translation>Сохранить в Excel…</translation>
    </message>
    <message>
      <source>Counting the figures of the period…</source>
      <translation>Подсчёт показателей за период…</translation>
    </message>
    <message>
      <source>The period ends before it starts.</source>
      <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
  </context>
  <context>
    <name>ui.report_output</name>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>Сохранить в PDF</translation>
    </message>
    <message>
      <source>Save as Excel</source>
      <translation>Сохранить в Excel</translation>
    </message>
    <message>
      <source>period report {date_from}–{date_to}.xlsx</source>
      <translation>отчёт за период {date_from}–{date_to}.xlsx</translation>
    </message>
  </context>
  <context>
    <name>ui.sync_dialog</name>
    <message>
      <source>Value kept</source>
      <translation>Оставленное значение</translation>
    </message>
    <message>
      <source>Other office's value</source>
      <translation>Значение другого офиса</translation>
    </message>
    <message>
      <source>Looks like</source>
      <translation>Похож на</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>Найдено</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(пусто)</translation>
    </message>
    <message>
      <source>Synchronise with other offices</source>
      <translation>Синхронизация с другими офисами</translation>
    </message>
    <message>
      <source>Packages</source>
      <translation>Пакеты</translation>
    </message>
    <message>
      <source>Confirm the value kept</source>
      <translation>Подтвердить оставленное значение</translation>
    </message>
    <message>
      <source>Use the other office's value</source>
      <translation>Взять значение другого офиса</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>Конфликты</translation>
    </message>
    <message>
      <source>Merge…</source>
      <translation>Объединить…</translation>
    </message>
    <message>
      <source>Not the same person</source>
      <translation>Это разные люди</translation>
    </message>
    <message>
      <source>Possible duplicates</source>
      <translation>Возможные дубликаты</translation>
    </message>
    <message>
      <source>Name this office…</source>
      <translation>Назвать этот офис…</translation>
    </message>
    <message>
      <source>Write package…</source>
      <translation>Записать пакет…</translation>
    </message>
    <message>
      <source>Send this office's changes</source>
      <translation>Отправить изменения этого офиса</translation>
    </message>
    <message>
      <source>For office:</source>
      <translation>Для офиса:</translation>
    </message>
    <message>
      <source>Apply package…</source>
      <translation>Применить пакет…</translation>
    </message>
    <message>
      <source>Receive another office's changes</source>
      <translation>Принять изменения другого офиса</translation>
    </message>
    <message>
      <source>A new office (every change)</source>
      <translation>Новый офис (все изменения)</translation>
    </message>
    <message>
      <source>Sync passphrase</source>
      <translation>Парольная фраза синхронизации</translation>
    </message>
    <message>
      <source>The passphrase the offices share (at least 8 characters):</source>
      <translation>Общая парольная фраза офисов (не менее 8 символов):</translation>
    </message>
    <message>
      <source>Write package</source>
      <translation>Записать пакет</translation>
    </message>
    <message>
      <source>Sync packages (*.convene-sync)</source>
      <translation>Пакеты синхронизации (*.convene-sync)</translation>
    </message>
    <message>
      <source>Apply package</source>
      <translation>Применить пакет</translation>
    </message>
    <message>
      <source>Sync packages (*.convene-sync);;All files (*)</source>
      <translation>Пакеты синхронизации (*.convene-sync);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Both offices changed these fields before either had seen the other's change. Every office keeps the same value; choose the one that is right (the choice travels in the next package).</source>
      <translation>Оба офиса изменили эти поля, не видя изменений друг друга. Во всех офисах остаётся одно и то же значение; выберите верное (выбор уйдёт со следующим пакетом).</translation>
    </message>
    <message>
      <source>People entered by two offices who may be one person. Nothing is merged until you merge them.</source>
      <translation>Люди, внесённые двумя офисами, которые могут быть одним человеком. Ничего не объединяется, пока вы не объедините их сами.</translation>
    </message>
    <message>
      <source>No package from another office yet.</source>
      <translation>Пакетов от других офисов пока не было.</translation>
    </message>
    <message>
      <source>Select a conflict first.</source>
      <translation>Сначала выберите конфликт.</translation>
    </message>
    <message>
      <source>Select a pair first.</source>
      <translation>Сначала выберите пару.</translation>
    </message>
    <message>
      <source>This office: &lt;b&gt;{0}&lt;/b&gt; ({1}); {2} changes made here.</source>
      <translation>Этот офис: &lt;b&gt;{0}&lt;/b&gt; ({1}); изменений, сделанных здесь: {2}.</translation>
    </message>
    <message>
      <source>{0}: {1} of its changes here, last package {2}; {3} changes it has not yet received.</source>
      <translation>{0}: его изменений здесь: {1}, последний пакет {2}; ещё не получил изменений: {3}.</translation>
    </message>
    <message>
      <source>never</source>
      <translation>никогда</translation>
    </message>
    <message>
      <source>Conflicts ({0})</source>
      <translation>Конфликты ({0})</translation>
    </message>
    <message>
      <source>Possible duplicates ({0})</source>
      <translation>Возможные дубликаты ({0})</translation>
    </message>
    <message>
      <source>Package written to {0}: {1} changes.</source>
      <translation>Пакет записан в {0}; изменений: {1}.</translation>
    </message>
    <message>
      <source>Applying {0}…</source>
      <translation>Применяется {0}…</translation>
    </message>
    <message>
      <source>Applied the package from {0}: {1} changes applied, {2} already here, {3} conflicts, {4} possible duplicates.</source>
      <translation>Применён пакет от {0}: применено изменений — {1}, уже были здесь — {2}, конфликтов — {3}, возможных дубликатов — {4}.</translation>
    </message>
  </context>
</TS>
