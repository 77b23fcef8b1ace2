/// Small exports written from the vendors' documented headers, one per preset.
public enum PresetSamples {
    public static let bitrix24Deals = """
    "ID";"Название сделки";"Стадия сделки";"Воронка";"Сумма";"Валюта";"Компания";"Контакт";"Ответственный";"Дата создания";"Дата изменения";"Источник";"Дата завершения";"Сделка закрыта";"Лид";"Комментарий"
    "101";"Поставка насосов";"Сделка успешна";"Общая";"1 250 000,00";"Российский рубль";"ООО «Ромашка»";"Иван Петров";"Анна Смирнова";"12.01.2024 10:15:00";"20.02.2024 18:00:00";"Веб-сайт";"20.02.2024";"Да";"11";"Оплачено"
    "102";"Сервисный контракт";"Подготовка документов";"Общая";"300000";"Российский рубль";"АО Вектор";"";"Олег Ким";"15.01.2024 09:00:00";"16.01.2024 09:00:00";"Звонок";"31.03.2024";"Нет";"";""
    "103";"Модернизация";"Сделка провалена";"Общая";"0";"Российский рубль";"Ромашка ООО";"";"Анна Смирнова";"01.02.2024 12:00:00";"";"Другое";"10.02.2024";"Да";"";""

    """

    public static let bitrix24Leads = """
    "ID";"Название лида";"Статус";"Источник";"Имя";"Отчество";"Фамилия";"Название компании";"Рабочий телефон";"Рабочий e-mail";"Ответственный";"Дата создания";"Дополнительно о статусе"
    "11";"Запрос КП на насосы";"Качественный лид";"CRM-форма";"Иван";"";"Петров";"ООО Ромашка";"+7 495 123-45-67";"ivan@romashka.ru";"Анна Смирнова";"10.01.2024 09:30:00";""
    "12";"Прайс";"Некачественный лид";"Звонок";"Пётр";"Ильич";"Сидоров";"";"";"";"Олег Ким";"11.01.2024 10:00:00";"Не наш профиль"
    "13";"Консультация";"Не обработан";"Радио";"";"";"";"ИП Кузнецов";"";"";"";"12.01.2024 11:00:00";""

    """

    public static let amoCRMDeals = """
    ID,Название сделки,Бюджет,Ответственный,Этап сделки,Воронка,Дата создания,Дата закрытия,Компания,Контакт,Теги
    5001,Лицензии на год,"150 000",Мария Орлова,Переговоры,Продажи,03.04.2024 11:22:33,не закрыта,ООО Вектор,Сергей Лебедев,vip
    5002,Внедрение,"1 200 000",Мария Орлова,Успешно реализовано,Продажи,01.03.2024 10:00:00,28.04.2024 16:45:00,ООО Вектор,Сергей Лебедев,
    5003,Аудит,50000,Игорь Белов,Закрыто и не реализовано,Продажи,05.03.2024 10:00:00,06.03.2024 12:00:00,,Нина Соколова,

    """

    public static let pipedriveDeals = """
    "Deal - ID","Deal - Title","Deal - Value","Deal - Currency","Deal - Organization","Deal - Contact person","Deal - Owner","Deal - Pipeline","Deal - Stage","Deal - Status","Deal - Deal created","Deal - Won time","Deal - Lost time","Deal - Lost reason","Deal - Expected close date"
    "17","Acme website","12500.5","USD","Acme Inc.","Jane Roe","John Smith","Sales","Negotiations Started","Won","2024-01-05 10:00:00","2024-02-01 15:30:00","","",""
    "18","Globex support","3000","EUR","Globex GmbH","","John Smith","Sales","Proposal Made","Lost","2024-01-07 09:00:00","","2024-01-20 11:00:00","Price too high",""
    "19","Initech","","USD","Initech LLC","","Mary Major","Sales","Qualified","Open","2024-01-09 09:00:00","","","","2024-03-01"
    "20","Old","1","USD","Acme Inc","","John Smith","Sales","Qualified","Deleted","2024-01-01 09:00:00","","","",""

    """

    public static let hubSpotDeals = #"""
    Record ID,Deal Name,Deal Stage,Pipeline,Amount,Close Date,Create Date,Deal owner,Associated Company,"Date entered ""Appointment Scheduled (Sales Pipeline)""","Date entered ""Qualified To Buy (Sales Pipeline)""","Date entered ""Closed Won (Sales Pipeline)""","Date exited ""Appointment Scheduled (Sales Pipeline)"""
    9001,Acme renewal,Closed Won,Sales Pipeline,"1,500.00",2024-03-01 12:00,2024-01-10 09:00,Jane Roe,Acme Inc.,2024-01-10 09:00,2024-01-20 10:00,2024-03-01 12:00,2024-01-20 10:00
    9002,Globex pilot,Qualified To Buy,Sales Pipeline,800,2024-06-30,2024-02-01 09:00,Jane Roe,Globex,2024-02-01 09:00,2024-02-15 10:00,,2024-02-15 10:00

    """#

    public static let salesforceOpportunity = """
    Id,AccountId,Name,Amount,StageName,CloseDate,IsClosed,IsWon,OwnerId,CreatedDate,LeadSource,CurrencyIsoCode
    0065g00000AbCdEAAV,0015g00000XyZaBAAV,Acme - 200 licences,25000.00,Closed Won,2024-02-28,true,true,0055g00000OwNeRAAV,2024-01-03T10:15:00.000Z,Partner Referral,USD
    0065g00000AbCdFAAV,0015g00000XyZaBAAV,Acme - services,5000.00,Negotiation/Review,2024-05-31,false,false,0055g00000OwNeRAAV,2024-02-03T10:15:00.000Z,Web,USD
    0065g00000AbCdGAAV,0015g00000QqQqQAAV,Umbrella upgrade,7000,Closed Lost,2024-03-15,true,false,0055g00000OtHeRAAV,2024-01-13T10:15:00.000Z,Trade Show,EUR

    """

    public static let salesforceOpportunityHistory = """
    Id,OpportunityId,StageName,Amount,CloseDate,Probability,CreatedDate,CreatedById,IsDeleted
    0085g1,0065g00000AbCdEAAV,Prospecting,20000,2024-03-31,10,2024-01-03T10:15:00.000Z,005x,false
    0085g2,0065g00000AbCdEAAV,Prospecting,25000,2024-03-31,10,2024-01-10T10:15:00.000Z,005x,false
    0085g3,0065g00000AbCdEAAV,Negotiation/Review,25000,2024-02-28,90,2024-02-01T10:15:00.000Z,005x,false
    0085g4,0065g00000AbCdEAAV,Closed Won,25000,2024-02-28,100,2024-02-28T16:00:00.000Z,005x,false

    """

    public static let mavenPipeline = """
    opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r
    1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054\r
    Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Won,2016-10-25,2017-03-11,4514\r
    ZZGB9QJE,Corliss Cosme,MG Special,Hottechi,Lost,2016-10-25,2016-11-24,0\r
    HAXMC4IX,James Ascencio,MG Advanced,,Engaging,2016-11-03,,\r
    6N2IP2NS,Gladys Colclough,GTX Basic,,Prospecting,,,\r

    """

    public static let mavenAccounts = """
    account,sector,year_established,revenue,employees,office_location,subsidiary_of\r
    Acme Corporation,technolgy,1996,1100.04,2822,United States,\r
    Cancity,retail,2001,718.62,2448,United States,\r
    Isdom,medical,2002,3178.24,4540,United States,\r

    """

    public static let mavenTeams = """
    sales_agent,manager,regional_office\r
    Moses Frase,Dustin Brinkmann,Central\r
    Darcel Schlecht,Melvin Marxen,Central\r

    """

    public static let mavenProducts = """
    product,series,sales_price\r
    GTX Basic,GTX,550\r
    GTX Pro,GTX,4821\r

    """
}
