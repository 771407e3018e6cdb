/**
 * The one piece of place data calpub keeps itself: for countries that span several time zones, which
 * zone their regions (states, provinces) and largest cities are in. ICU, in every runtime, already
 * gives the rest: each country's name in every language (`Intl.DisplayNames`), each country's zones
 * (`Intl.Locale#timeZones`) and the zones' own cities (`Europe/Paris`). No offline package gives the
 * region split in a few kilobytes (city gazetteers weigh megabytes in the Lambda and the CLI).
 *
 * Each entry: names as people write them in addresses (alternatives separated by `|`, in the local
 * languages and English, postal codes included) → the IANA zone of most of that region. `primary` is
 * the zone of most of the country's people, used when an address names the country alone; countries
 * without one (the United States, Canada, Australia, Russia) need a region or a city.
 */
export interface CountryZones {
  readonly primary?: string;
  readonly regions: Readonly<Record<string, string>>;
}

const US: Record<string, string> = {
  'Alabama|AL': 'America/Chicago',
  'Alaska|AK': 'America/Anchorage',
  'Arizona|AZ|Phoenix|Tucson': 'America/Phoenix',
  'Arkansas|AR': 'America/Chicago',
  'California|CA|Los Angeles|San Francisco|San Diego|San Jose|Berkeley|Stanford|Oakland|Sacramento|Palo Alto|Mountain View':
    'America/Los_Angeles',
  'Colorado|CO|Denver|Boulder': 'America/Denver',
  'Connecticut|CT': 'America/New_York',
  'Delaware|DE': 'America/New_York',
  'District of Columbia|DC|D.C.|Washington DC|Washington D.C.|Washington, D.C.': 'America/New_York',
  'Florida|FL|Miami|Orlando|Tampa': 'America/New_York',
  'Georgia|GA|Atlanta': 'America/New_York',
  'Hawaii|HI|Honolulu': 'Pacific/Honolulu',
  'Idaho|ID|Boise': 'America/Boise',
  'Illinois|IL|Chicago': 'America/Chicago',
  'Indiana|IN|Indianapolis': 'America/Indiana/Indianapolis',
  'Iowa|IA': 'America/Chicago',
  'Kansas|KS': 'America/Chicago',
  'Kentucky|KY|Louisville': 'America/New_York',
  'Louisiana|LA|New Orleans': 'America/Chicago',
  'Maine|ME': 'America/New_York',
  'Maryland|MD|Baltimore': 'America/New_York',
  'Massachusetts|MA|Boston': 'America/New_York',
  'Michigan|MI|Detroit|Ann Arbor': 'America/Detroit',
  'Minnesota|MN|Minneapolis': 'America/Chicago',
  'Mississippi|MS': 'America/Chicago',
  'Missouri|MO|St. Louis|Saint Louis|Kansas City': 'America/Chicago',
  'Montana|MT': 'America/Denver',
  'Nebraska|NE': 'America/Chicago',
  'Nevada|NV|Las Vegas': 'America/Los_Angeles',
  'New Hampshire|NH': 'America/New_York',
  'New Jersey|NJ|Princeton': 'America/New_York',
  'New Mexico|NM|Albuquerque': 'America/Denver',
  'New York|NY|NYC|New York City|Brooklyn|Manhattan': 'America/New_York',
  'North Carolina|NC': 'America/New_York',
  'North Dakota|ND': 'America/Chicago',
  'Ohio|OH|Cleveland': 'America/New_York',
  'Oklahoma|OK': 'America/Chicago',
  'Oregon|OR': 'America/Los_Angeles',
  'Pennsylvania|PA|Philadelphia|Pittsburgh': 'America/New_York',
  'Rhode Island|RI': 'America/New_York',
  'South Carolina|SC': 'America/New_York',
  'South Dakota|SD': 'America/Chicago',
  'Tennessee|TN|Nashville|Memphis': 'America/Chicago',
  'Texas|TX|Austin|Houston|Dallas|San Antonio': 'America/Chicago',
  'Utah|UT|Salt Lake City': 'America/Denver',
  'Vermont|VT': 'America/New_York',
  'Virginia|VA': 'America/New_York',
  'Washington State|WA|Seattle': 'America/Los_Angeles',
  'West Virginia|WV': 'America/New_York',
  'Wisconsin|WI|Madison|Milwaukee': 'America/Chicago',
  'Wyoming|WY': 'America/Denver',
};

const CA: Record<string, string> = {
  'Alberta|AB|Calgary|Edmonton': 'America/Edmonton',
  'British Columbia|Colombie-Britannique|BC|C.-B.|Vancouver': 'America/Vancouver',
  'Manitoba|MB|Winnipeg': 'America/Winnipeg',
  'New Brunswick|Nouveau-Brunswick|NB|N.-B.|Moncton|Fredericton': 'America/Moncton',
  "Newfoundland and Labrador|Terre-Neuve-et-Labrador|Newfoundland|NL|T.-N.-L.|St. John's": 'America/St_Johns',
  'Nova Scotia|Nouvelle-Écosse|NS|N.-É.|Halifax': 'America/Halifax',
  'Northwest Territories|Territoires du Nord-Ouest|NT|T.N.-O.|Yellowknife': 'America/Edmonton',
  'Nunavut|NU|Iqaluit': 'America/Iqaluit',
  'Ontario|ON|Ont.|Toronto|Ottawa': 'America/Toronto',
  'Prince Edward Island|Île-du-Prince-Édouard|PE|PEI|Î.-P.-É.|Charlottetown': 'America/Halifax',
  'Quebec|Québec|QC|Qc|Montreal|Montréal|Laval|Gatineau|Sherbrooke|Trois-Rivières|Saguenay|Lévis|Rimouski|Longueuil':
    'America/Toronto',
  'Saskatchewan|SK|Regina|Saskatoon': 'America/Regina',
  'Yukon|YT|Whitehorse': 'America/Whitehorse',
};

const AU: Record<string, string> = {
  'New South Wales|NSW|Sydney|Wollongong': 'Australia/Sydney',
  'Australian Capital Territory|ACT|Canberra': 'Australia/Sydney',
  'Victoria|VIC|Melbourne|Geelong': 'Australia/Melbourne',
  'Queensland|QLD|Brisbane|Gold Coast|Cairns|Townsville': 'Australia/Brisbane',
  'South Australia|SA|Adelaide': 'Australia/Adelaide',
  'Western Australia|WA|Perth': 'Australia/Perth',
  'Tasmania|TAS|Hobart': 'Australia/Hobart',
  'Northern Territory|NT|Darwin': 'Australia/Darwin',
};

// Brazil: the north-east and north kept no summer time while São Paulo did (until 2019), so each
// state gets its own zone, not only the ones on another offset today.
const BR: Record<string, string> = {
  'Acre|AC|Rio Branco': 'America/Rio_Branco',
  'Amazonas|AM|Manaus': 'America/Manaus',
  'Roraima|RR|Boa Vista': 'America/Boa_Vista',
  'Rondônia|RO|Porto Velho': 'America/Porto_Velho',
  'Mato Grosso|MT|Cuiabá': 'America/Cuiaba',
  'Mato Grosso do Sul|MS|Campo Grande': 'America/Campo_Grande',
  'Pará|PA|Belém|Amapá|AP|Macapá': 'America/Belem',
  'Tocantins|TO|Palmas': 'America/Araguaina',
  'Bahia|BA|Salvador': 'America/Bahia',
  'Ceará|CE|Fortaleza|Piauí|PI|Teresina|Maranhão|MA|São Luís|Rio Grande do Norte|RN|Natal|Paraíba|PB|João Pessoa':
    'America/Fortaleza',
  'Pernambuco|PE|Recife': 'America/Recife',
  'Alagoas|AL|Maceió|Sergipe|SE|Aracaju': 'America/Maceio',
  'São Paulo|SP|Rio de Janeiro|RJ|Minas Gerais|MG|Belo Horizonte|Distrito Federal|DF|Brasília|Paraná|PR|Curitiba|Santa Catarina|SC|Florianópolis|Rio Grande do Sul|RS|Porto Alegre|Goiás|GO|Goiânia|Espírito Santo|ES|Vitória|Campinas':
    'America/Sao_Paulo',
};

const MX: Record<string, string> = {
  'Baja California|BC|Tijuana|Mexicali|Ensenada': 'America/Tijuana',
  'Baja California Sur|BCS|Los Cabos': 'America/Mazatlan',
  'Sonora|SON|Hermosillo': 'America/Hermosillo',
  'Sinaloa|SIN|Mazatlán|Culiacán|Nayarit|NAY|Tepic': 'America/Mazatlan',
  'Chihuahua|CHIH': 'America/Chihuahua',
  'Ciudad Juárez': 'America/Ciudad_Juarez',
  'Quintana Roo|QROO|Q. Roo|Cancún|Playa del Carmen|Tulum': 'America/Cancun',
  'Yucatán|YUC|Mérida|Campeche|CAMP': 'America/Merida',
  'Nuevo León|NL|Monterrey|Coahuila|COAH|Saltillo|Tamaulipas|TAMPS': 'America/Monterrey',
  'Ciudad de México|CDMX|Mexico City|México D.F.|Guadalajara|Jalisco|Puebla|Querétaro|Guanajuato|Oaxaca|Veracruz|Morelia|Michoacán|Cuernavaca|Morelos|Estado de México|Toluca|Aguascalientes|San Luis Potosí':
    'America/Mexico_City',
};

const RU: Record<string, string> = {
  'Moscow|Москва|Moskva|Saint Petersburg|St. Petersburg|Санкт-Петербург|Kazan|Казань|Innopolis|Иннополис|Nizhny Novgorod|Нижний Новгород|Rostov-on-Don|Ростов-на-Дону|Voronezh|Воронеж|Krasnodar|Краснодар|Sochi|Сочи|Yaroslavl|Ярославль|Tver|Тверь':
    'Europe/Moscow',
  'Kaliningrad|Калининград': 'Europe/Kaliningrad',
  'Samara|Самара|Izhevsk|Ижевск': 'Europe/Samara',
  'Volgograd|Волгоград': 'Europe/Volgograd',
  'Yekaterinburg|Ekaterinburg|Екатеринбург|Chelyabinsk|Челябинск|Ufa|Уфа|Perm|Пермь|Tyumen|Тюмень':
    'Asia/Yekaterinburg',
  'Omsk|Омск': 'Asia/Omsk',
  'Novosibirsk|Новосибирск|Akademgorodok|Академгородок': 'Asia/Novosibirsk',
  'Tomsk|Томск': 'Asia/Tomsk',
  'Barnaul|Барнаул': 'Asia/Barnaul',
  'Krasnoyarsk|Красноярск': 'Asia/Krasnoyarsk',
  'Irkutsk|Иркутск': 'Asia/Irkutsk',
  'Vladivostok|Владивосток|Khabarovsk|Хабаровск': 'Asia/Vladivostok',
  'Yakutsk|Якутск': 'Asia/Yakutsk',
};

/** By ISO 3166 country code. Countries absent here have one zone (ICU says which) or need a city. */
export const COUNTRY_ZONES: Readonly<Record<string, CountryZones>> = {
  US: { regions: US },
  CA: { regions: CA },
  AU: { regions: AU },
  RU: { regions: RU },
  BR: { primary: 'America/Sao_Paulo', regions: BR },
  MX: { primary: 'America/Mexico_City', regions: MX },
  AR: { primary: 'America/Argentina/Buenos_Aires', regions: {} },
  CL: {
    primary: 'America/Santiago',
    regions: {
      'Magallanes|Punta Arenas': 'America/Punta_Arenas',
      'Isla de Pascua|Easter Island|Rapa Nui': 'Pacific/Easter',
    },
  },
  EC: { primary: 'America/Guayaquil', regions: { 'Galápagos|Galapagos': 'Pacific/Galapagos' } },
  ES: {
    primary: 'Europe/Madrid',
    regions: {
      'Canarias|Islas Canarias|Canary Islands|Las Palmas|Las Palmas de Gran Canaria|Santa Cruz de Tenerife|Tenerife|Gran Canaria':
        'Atlantic/Canary',
    },
  },
  PT: {
    primary: 'Europe/Lisbon',
    regions: { 'Açores|Azores|Ponta Delgada': 'Atlantic/Azores', 'Madeira|Funchal': 'Atlantic/Madeira' },
  },
  ID: {
    primary: 'Asia/Jakarta',
    regions: { 'Bali|Denpasar|Sulawesi|Makassar': 'Asia/Makassar', 'Papua|Jayapura': 'Asia/Jayapura' },
  },
  NZ: { primary: 'Pacific/Auckland', regions: { 'Chatham Islands|Chatham': 'Pacific/Chatham' } },
  CN: { primary: 'Asia/Shanghai', regions: {} },
  DE: { primary: 'Europe/Berlin', regions: {} },
  UA: { primary: 'Europe/Kyiv', regions: {} },
  CY: { primary: 'Asia/Nicosia', regions: {} },
  MY: { primary: 'Asia/Kuala_Lumpur', regions: {} },
  UZ: { primary: 'Asia/Tashkent', regions: {} },
  KZ: { primary: 'Asia/Almaty', regions: {} },
  MN: { primary: 'Asia/Ulaanbaatar', regions: {} },
  PG: { primary: 'Pacific/Port_Moresby', regions: {} },
  GL: { primary: 'America/Nuuk', regions: {} },
  PF: { primary: 'Pacific/Tahiti', regions: {} },
};

/**
 * ICU keeps older names for some zones (`Asia/Calcutta`); calpub writes the names the tz database
 * uses today, which every calendar client knows.
 */
export const ICU_RENAMES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Africa/Asmera': 'Africa/Asmara',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'America/Coral_Harbour': 'America/Atikokan',
};
