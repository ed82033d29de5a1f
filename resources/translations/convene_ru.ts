<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
  <context>
    <name>app.reference</name>
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
      <source>Deleted</source>
      <translation>Удалено</translation>
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
      <source>Imported</source>
      <translation>Импортировано</translation>
    </message>
    <message>
      <source>Anonymised</source>
      <translation>Обезличено</translation>
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
      <source>Reference</source>
      <comment>reference</comment>
      <translation>Номер</translation>
    </message>
    <message>
      <source>Type</source>
      <comment>type</comment>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Series</source>
      <comment>series</comment>
      <translation>Серия</translation>
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
      <source>Venue</source>
      <comment>venue</comment>
      <translation>Место проведения</translation>
    </message>
    <message>
      <source>Format</source>
      <comment>format</comment>
      <translation>Формат</translation>
    </message>
    <message>
      <source>Scope</source>
      <comment>scope</comment>
      <translation>Охват</translation>
    </message>
    <message>
      <source>Status</source>
      <comment>status</comment>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Organising unit</source>
      <comment>organising_unit</comment>
      <translation>Организационное подразделение</translation>
    </message>
    <message>
      <source>Project</source>
      <comment>project</comment>
      <translation>Проект</translation>
    </message>
    <message>
      <source>Fields of work</source>
      <comment>fields_of_work</comment>
      <translation>Направления деятельности</translation>
    </message>
    <message>
      <source>Summary</source>
      <comment>summary</comment>
      <translation>Краткое содержание</translation>
    </message>
    <message>
      <source>Outcomes</source>
      <comment>outcomes</comment>
      <translation>Результаты</translation>
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
      <source>Role</source>
      <comment>role</comment>
      <translation>Роль</translation>
    </message>
    <message>
      <source>Mode</source>
      <comment>mode</comment>
      <translation>Форма</translation>
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
      <source>Sex</source>
      <comment>sex</comment>
      <translation>Пол</translation>
    </message>
    <message>
      <source>Organisation</source>
      <comment>organisation</comment>
      <translation>Организация</translation>
    </message>
    <message>
      <source>Position</source>
      <comment>position</comment>
      <translation>Должность</translation>
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
    <name>ui.export_actions</name>
    <message>
      <source>Exporting…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export to Excel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exporting {what}: {done:,} of {total:,}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exported {rows:,} rows to {path}.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ui.import_pages</name>
    <message>
      <source>Review what will happen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only rows that need attention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Row is:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Use this</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Comparing the list with the people in the database…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>a new person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>chosen by you</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel the import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Starting…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Done.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save the rows to fix…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rows to fix</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Into &lt;b&gt;{event}&lt;/b&gt;: {new} new people, {matched} matched ({already} already listed), {ambiguous} to choose, {repeats} repeating an earlier row, {skipped} not imported, {ignored} blank, heading or total rows ignored; {problems} left out.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>chosen: a new person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelling…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelled: nothing was imported. Go back to change something, or close.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing to fix.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{rows} written to {path}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the same as {who}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{rows} to fix: skipped, or with a value left out.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;p&gt;{file}, sheet “{sheet}”, into &lt;b&gt;{event}&lt;/b&gt;:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;{created} added to the database&lt;/li&gt;&lt;li&gt;{matched} found already in the database&lt;/li&gt;&lt;li&gt;{added} added to the event; {already} already listed&lt;/li&gt;&lt;li&gt;{updated} of the people found got details the database did not have&lt;/li&gt;&lt;li&gt;{ignored} ignored (blank, heading or total rows)&lt;/li&gt;&lt;li&gt;{repeats} repeating an earlier row (one participation)&lt;/li&gt;&lt;li&gt;{skipped} not imported&lt;/li&gt;&lt;/ul&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not imported:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>… and {n} more.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ui.import_wizard</name>
    <message>
      <source>Import attendee list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the attendee list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Excel (.xlsx, .xls, .xlsb), LibreOffice (.ods) or CSV files.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The list's file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Browse…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There are no events yet. An attendee list goes into an event: close this, record the event (Events list → New event), then import its list from the event's Participants tab.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attendee list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reading the file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Check the header row and the columns</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>none</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Event:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>File:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sheet:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Headers are in row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Columns as in an earlier import of a list laid out like this one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not imported</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> in this file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> (hidden)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ui.report_actions</name>
    <message>
      <source>Save as PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save sign-in sheet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save as Excel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Print event summary…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Event summary print preview…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save event summary as PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sign-in sheet…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save sign-in sheet…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Period report…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export events to Excel…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export people to Excel…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export organisations to Excel…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export this event's participants to Excel…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ui.report_dialogs</name>
    <message>
      <source>Event summary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Leave out the list of participants (names)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Language:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Period report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>From:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>To:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Country:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Project:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Partner:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Preview…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Print…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save as Excel…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All countries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All projects</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All partners</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Counting the figures of the period…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The period ends before it starts.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
