package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// The gazetteers are compiled into the binary as text tables: one entry per
// line, fields separated by '|'. They are parsed once into read-only maps
// owned by the Extractor.

// countries: name | demonyms and adjectives (comma-separated) | capital | aliases
const countriesData = `
Afghanistan|Afghan,Afghans|Kabul|
Albania|Albanian,Albanians|Tirana|
Algeria|Algerian,Algerians|Algiers|
Angola|Angolan,Angolans|Luanda|
Argentina|Argentine,Argentinian,Argentines|Buenos Aires|
Armenia|Armenian,Armenians|Yerevan|
Australia|Australian,Australians|Canberra|
Austria|Austrian,Austrians|Vienna|
Azerbaijan|Azerbaijani,Azeri,Azerbaijanis|Baku|
Bahrain|Bahraini,Bahrainis|Manama|
Bangladesh|Bangladeshi,Bangladeshis|Dhaka|
Belarus|Belarusian,Belarusians|Minsk|
Belgium|Belgian,Belgians|Brussels|
Bolivia|Bolivian,Bolivians|La Paz|
Bosnia and Herzegovina|Bosnian,Bosnians|Sarajevo|Bosnia
Brazil|Brazilian,Brazilians|Brasilia|
Brunei|Bruneian,Bruneians|Bandar Seri Begawan|Brunei Darussalam
Bulgaria|Bulgarian,Bulgarians|Sofia|
Burkina Faso|Burkinabe|Ouagadougou|
Burundi|Burundian|Gitega|
Cambodia|Cambodian,Cambodians|Phnom Penh|
Cameroon|Cameroonian,Cameroonians|Yaounde|
Canada|Canadian,Canadians|Ottawa|
Central African Republic|Central African|Bangui|CAR
Chad|Chadian,Chadians|N'Djamena|
Chile|Chilean,Chileans|Santiago|
China|Chinese|Beijing|People's Republic of China,PRC
Colombia|Colombian,Colombians|Bogota|
Cuba|Cuban,Cubans|Havana|
Cyprus|Cypriot,Cypriots|Nicosia|
Czech Republic|Czech,Czechs|Prague|Czechia
Democratic Republic of the Congo|Congolese|Kinshasa|DRC,DR Congo,Democratic Republic of Congo,Congo,Congo-Kinshasa
Denmark|Danish,Dane,Danes|Copenhagen|
Ecuador|Ecuadorian|Quito|
Egypt|Egyptian,Egyptians|Cairo|
El Salvador|Salvadoran,Salvadorans|San Salvador|
Eritrea|Eritrean,Eritreans|Asmara|
Estonia|Estonian,Estonians|Tallinn|
Ethiopia|Ethiopian,Ethiopians|Addis Ababa|
Finland|Finnish,Finn,Finns|Helsinki|
France|French,Frenchman|Paris|
Georgia|Georgian,Georgians|Tbilisi|
Germany|German,Germans|Berlin|West Germany,East Germany
Ghana|Ghanaian,Ghanaians|Accra|
Greece|Greek,Greeks|Athens|
Guatemala|Guatemalan,Guatemalans|Guatemala City|
Haiti|Haitian,Haitians|Port-au-Prince|
Honduras|Honduran,Hondurans|Tegucigalpa|
Hungary|Hungarian,Hungarians|Budapest|
India|Indian,Indians|New Delhi|
Indonesia|Indonesian,Indonesians|Jakarta|
Iran|Iranian,Iranians|Tehran|Islamic Republic of Iran
Iraq|Iraqi,Iraqis|Baghdad|
Ireland|Irish|Dublin|
Israel|Israeli,Israelis|Jerusalem|
Italy|Italian,Italians|Rome|
Japan|Japanese|Tokyo|
Jordan|Jordanian,Jordanians|Amman|
Kazakhstan|Kazakh,Kazakhs|Astana|
Kenya|Kenyan,Kenyans|Nairobi|
Kosovo|Kosovar,Kosovars|Pristina|
Kuwait|Kuwaiti,Kuwaitis|Kuwait City|
Kyrgyzstan|Kyrgyz|Bishkek|
Latvia|Latvian,Latvians|Riga|
Lebanon|Lebanese|Beirut|
Liberia|Liberian,Liberians|Monrovia|
Libya|Libyan,Libyans|Tripoli|
Lithuania|Lithuanian,Lithuanians|Vilnius|
Malaysia|Malaysian,Malaysians|Kuala Lumpur|
Mali|Malian,Malians|Bamako|
Mexico|Mexican,Mexicans|Mexico City|
Moldova|Moldovan,Moldovans|Chisinau|
Mongolia|Mongolian,Mongolians|Ulaanbaatar|
Morocco|Moroccan,Moroccans|Rabat|
Mozambique|Mozambican|Maputo|
Myanmar|Burmese|Naypyidaw|Burma
Nepal|Nepali,Nepalese|Kathmandu|
Netherlands|Dutch|Amsterdam|Holland,the Netherlands
New Zealand|New Zealander|Wellington|
Nicaragua|Nicaraguan,Nicaraguans|Managua|
Niger|Nigerien|Niamey|
Nigeria|Nigerian,Nigerians|Abuja|
North Korea|North Korean,North Koreans|Pyongyang|DPRK
Norway|Norwegian,Norwegians|Oslo|
Oman|Omani,Omanis|Muscat|
Pakistan|Pakistani,Pakistanis|Islamabad|
Palestine|Palestinian,Palestinians|Ramallah|Palestinian territories
Panama|Panamanian,Panamanians|Panama City|
Peru|Peruvian,Peruvians|Lima|
Philippines|Filipino,Filipinos,Philippine|Manila|the Philippines
Poland|Polish,Pole,Poles|Warsaw|
Portugal|Portuguese|Lisbon|
Qatar|Qatari,Qataris|Doha|
Romania|Romanian,Romanians|Bucharest|
Russia|Russian,Russians|Moscow|Russian Federation
Rwanda|Rwandan,Rwandans|Kigali|
Saudi Arabia|Saudi,Saudis|Riyadh|
Senegal|Senegalese|Dakar|
Serbia|Serbian,Serbs,Serb|Belgrade|
Singapore|Singaporean|Singapore|
Slovakia|Slovak,Slovaks|Bratislava|
Somalia|Somali,Somalis|Mogadishu|
South Africa|South African,South Africans|Pretoria|
South Korea|South Korean,South Koreans|Seoul|Republic of Korea
South Sudan|South Sudanese|Juba|
Soviet Union|Soviet,Soviets|Moscow|USSR,U.S.S.R.
Spain|Spanish,Spaniard,Spaniards|Madrid|
Sri Lanka|Sri Lankan,Sri Lankans|Colombo|
Sudan|Sudanese|Khartoum|
Sweden|Swedish,Swede,Swedes|Stockholm|
Switzerland|Swiss|Bern|
Syria|Syrian,Syrians|Damascus|
Taiwan|Taiwanese|Taipei|
Tajikistan|Tajik,Tajiks|Dushanbe|
Tanzania|Tanzanian,Tanzanians|Dodoma|
Thailand|Thai|Bangkok|
Tunisia|Tunisian,Tunisians|Tunis|
Turkey|Turkish,Turk,Turks|Ankara|Turkiye,Türkiye
Turkmenistan|Turkmen|Ashgabat|
Uganda|Ugandan,Ugandans|Kampala|
Ukraine|Ukrainian,Ukrainians|Kyiv|
United Arab Emirates|Emirati,Emiratis|Abu Dhabi|UAE,U.A.E.
United Kingdom|British,Briton,Britons,English,Scottish,Welsh|London|UK,U.K.,Britain,Great Britain,England,Scotland,Wales
United States|American,Americans,U.S.,US|Washington|US,U.S.,USA,U.S.A.,America,United States of America
Uruguay|Uruguayan|Montevideo|
Uzbekistan|Uzbek,Uzbeks|Tashkent|
Venezuela|Venezuelan,Venezuelans|Caracas|
Vietnam|Vietnamese|Hanoi|Viet Nam
Yemen|Yemeni,Yemenis|Sanaa|
Zambia|Zambian,Zambians|Lusaka|
Zimbabwe|Zimbabwean,Zimbabweans|Harare|
Vatican|Vatican|Vatican City|Holy See
Korea|Korean,Koreans|Seoul|
`

// regionDemonyms are the demonyms of places that are no country.
// ("Kurdish" is no such: Kurds live in four countries and none is theirs.)
var regionDemonyms = map[string]string{"Puerto Rican": "Puerto Rico", "Puerto Ricans": "Puerto Rico"}

// places: class | names (one per line after the class line "# Class")
const placesData = `
# City
New York City|New York|Los Angeles|Chicago|Houston|Philadelphia|Phoenix|San Antonio|San Diego|Dallas|San Jose|Austin|Jacksonville|San Francisco|Columbus|Indianapolis|Seattle|Denver|Boston|Detroit|Nashville|Memphis|Portland|Las Vegas|Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Sacramento|Atlanta|Miami|Oakland|Minneapolis|Tulsa|Cleveland|New Orleans|Honolulu|Anchorage|Pittsburgh|Cincinnati|St. Louis|Kansas City|Salt Lake City|Orlando|Tampa|Buffalo|Newark|Omaha|Richmond|Hartford|Providence|Albany|Charleston|Savannah|Birmingham|Manhattan|Brooklyn|Queens|Bronx|Hollywood|Beverly Hills|Palo Alto|Berkeley|Cambridge|Princeton|Dearborn|Toledo|Dayton|Akron|Louisville|Lexington|Little Rock|Des Moines|Topeka|Wichita|Lincoln|Boise|Spokane|Tacoma|Reno|El Paso|Fort Worth|Arlington|Galveston|Laredo|Corpus Christi|Lubbock|Amarillo|Tallahassee|Pensacola|Ocala|Gainesville|Knoxville|Chattanooga|Baton Rouge|Shreveport|Mobile|Montgomery|Jackson|Raleigh|Charlotte|Durham|Greensboro|Norfolk|Annapolis|Trenton|Camden|Syracuse|Rochester|Springfield|Peoria|Madison|Green Bay|Duluth|St. Paul|Fargo|Sioux Falls|Billings|Cheyenne|Juneau|Atlantic City|Plymouth|Toronto|Montreal|Vancouver|Quebec|Calgary|Edmonton
London|Paris|Berlin|Moscow|St. Petersburg|Madrid|Barcelona|Rome|Milan|Naples|Venice|Florence|Vienna|Brussels|Amsterdam|Rotterdam|The Hague|Geneva|Zurich|Munich|Frankfurt|Hamburg|Cologne|Bonn|Stockholm|Oslo|Copenhagen|Helsinki|Warsaw|Krakow|Prague|Budapest|Bucharest|Sofia|Athens|Istanbul|Ankara|Izmir|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Mariupol|Donetsk|Luhansk|Lviv|Minsk|Vilnius|Riga|Tallinn|Belgrade|Zagreb|Sarajevo|Lisbon|Dublin|Belfast|Edinburgh|Glasgow|Manchester|Liverpool|Leeds|Oxford
Baghdad|Mosul|Basra|Erbil|Kirkuk|Sulaimani|Sulaymaniyah|Duhok|Fallujah|Ramadi|Tikrit|Najaf|Karbala|Sinjar|Halabja|Damascus|Aleppo|Homs|Hama|Latakia|Raqqa|Deir ez-Zor|Qamishli|Kobani|Afrin|Manbij|Palmyra|Daraa|Beirut|Tripoli|Sidon|Tyre|Amman|Jerusalem|Tel Aviv|Haifa|Gaza City|Ramallah|Hebron|Nablus|Jenin|Rafah|Khan Younis|Cairo|Alexandria|Riyadh|Jeddah|Mecca|Medina|Doha|Dubai|Abu Dhabi|Muscat|Sanaa|Aden|Hodeidah|Tehran|Isfahan|Mashhad|Tabriz|Kabul|Kandahar|Herat|Islamabad|Karachi|Lahore|Peshawar|Quetta|New Delhi|Delhi|Mumbai|Kolkata|Chennai|Bangalore|Dhaka|Kathmandu|Colombo
Beijing|Shanghai|Hong Kong|Guangzhou|Shenzhen|Wuhan|Chengdu|Kunming|Tianjin|Nanjing|Taipei|Tokyo|Osaka|Kyoto|Hiroshima|Nagasaki|Seoul|Pyongyang|Busan|Manila|Jakarta|Bangkok|Hanoi|Ho Chi Minh City|Saigon|Phnom Penh|Kuala Lumpur|Singapore|Yangon|Sydney|Melbourne|Canberra
Nairobi|Mogadishu|Addis Ababa|Khartoum|Juba|Kampala|Kigali|Kinshasa|Lagos|Abuja|Accra|Dakar|Bamako|Niamey|Johannesburg|Cape Town|Pretoria|Harare|Tunis|Algiers|Rabat|Casablanca|Benghazi|Misrata|Goma
Mexico City|Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|Sao Paulo|Rio de Janeiro|Brasilia|Quito|La Paz|Managua|San Salvador|Tegucigalpa|Panama City|Port-au-Prince|Tijuana|Guadalajara|Monterrey
# Region
Kurdistan Region|Kurdistan|Iraqi Kurdistan|Rojava|Idlib|Hasaka|Hasakah|Anbar|Nineveh|Diyala|Salahaddin|Kirkuk province|Deir ez-Zor province|Raqqa province|Aleppo province|Golan Heights|West Bank|Gaza Strip|Gaza|Sinai|Darfur|Kordofan|Tigray|Amhara|Oromia|Donbas|Donbass|Crimea|Kherson|Zaporizhzhia|Chechnya|Dagestan|Kashmir|Punjab|Balochistan|Waziristan|Helmand|Xinjiang|Tibet|Kurdistan Region of Iraq|Middle East|Near East|Far East|Europe|Asia|Africa|North Africa|West Africa|East Africa|Horn of Africa|Sahel|Latin America|Central America|South America|North America|Caribbean|Balkans|Caucasus|Central Asia|Southeast Asia|South Asia|East Asia|Western Europe|Eastern Europe|Scandinavia|Siberia|Gulf|Persian Gulf|Arabian Peninsula|Levant|Mesopotamia|Kurdish areas|New England|Midwest|Korean Peninsula
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington State|New York State|West Virginia|Wisconsin|Wyoming|Puerto Rico|Ontario|British Columbia|Alberta|Manitoba|Nova Scotia|Bavaria|Catalonia|Tuscany|Sicily|Sardinia|Corsica|Normandy|Brittany|Flanders|Wallonia|Quebec province
Ala.|Ariz.|Ark.|Calif.|Colo.|Conn.|Del.|Fla.|Ga.|Ill.|Ind.|Kan.|Kans.|Ky.|La.|Md.|Mass.|Mich.|Minn.|Miss.|Mo.|Mont.|Neb.|Nev.|N.H.|N.J.|N.M.|N.Y.|N.C.|N.D.|Okla.|Ore.|Pa.|R.I.|S.C.|S.D.|Tenn.|Tex.|Vt.|Va.|Wash.|W.Va.|Wis.|Wyo.|D.C.
# River
Euphrates|Tigris|Nile|Jordan River|Danube|Rhine|Volga|Dnieper|Don|Thames|Seine|Amazon River|Mississippi River|Missouri River|Rio Grande|Yangtze|Yellow River|Mekong|Ganges|Indus|Congo River|Niger River|Zambezi|Colorado River|Hudson River|Potomac
# Location
Lake Victoria|Lake Michigan|Lake Superior|Black Sea|Red Sea|Mediterranean|Mediterranean Sea|Caspian Sea|Baltic Sea|North Sea|Aegean|Atlantic|Atlantic Ocean|Pacific|Pacific Ocean|Indian Ocean|Arctic|Antarctica|Gulf of Mexico|Gulf of Aden|Strait of Hormuz|Suez Canal|Panama Canal|Alps|Himalayas|Rocky Mountains|Sahara|Qandil|Mount Sinjar
`

// organisations: class | name | aliases (comma-separated)
const orgsData = `
Organization|United Nations|UN,U.N.
Government|UN Security Council|Security Council,U.N. Security Council,UNSC
Organization|UN General Assembly|General Assembly
Organization|UNICEF|
Organization|UNHCR|UN refugee agency
Organization|World Health Organization|WHO
Organization|World Food Programme|WFP
Organization|International Committee of the Red Cross|ICRC,Red Cross
Organization|Red Crescent|
Organization|Amnesty International|Amnesty
Organization|Human Rights Watch|HRW
Organization|Doctors Without Borders|MSF,Medecins Sans Frontieres
Organization|NATO|North Atlantic Treaty Organization
Organization|European Union|EU,E.U.
Government|European Commission|
Organization|European Parliament|
Organization|African Union|AU
Organization|Arab League|
Organization|Organization of American States|OAS
Organization|OPEC|
Organization|International Monetary Fund|IMF
Organization|World Bank|
Organization|World Trade Organization|WTO
Organization|International Criminal Court|ICC
Organization|International Atomic Energy Agency|IAEA
Organization|OSCE|
Organization|Interpol|
Organization|Europol|
Organization|Global Coalition|anti-ISIS coalition,US-led coalition
Government|State Department|Department of State,US State Department,U.S. State Department
Government|Pentagon|Defense Department,Department of Defense
Government|White House|
Government|Kremlin|
Government|Congress|U.S. Congress,US Congress
Government|Senate|U.S. Senate,US Senate
Government|House of Representatives|
Government|Supreme Court|
Government|Justice Department|Department of Justice
Government|Treasury Department|Treasury
Government|Homeland Security|Department of Homeland Security
Government|FBI|Federal Bureau of Investigation
Government|CIA|Central Intelligence Agency
Government|NSA|National Security Agency
Government|NASA|
Government|Downing Street|
Government|Foreign Office|
Government|Knesset|
Government|Duma|State Duma
Government|Elysee|
Government|Kurdistan Regional Government|KRG
Government|Peshmerga|Peshmerga forces
Government|Assad regime|Syrian regime,Assad government
Government|Taliban government|
ArmedGroup|Islamic State|ISIS,ISIL,IS,Daesh,Islamic State group,Islamic State of Iraq and Syria,Islamic State of Iraq and the Levant
ArmedGroup|al-Qaeda|al Qaeda,Al-Qaeda,Al Qaeda,al-Qaida,Al-Qaida,Qaeda
ArmedGroup|Hayat Tahrir al-Sham|HTS,Hayat Tahrir al Sham,Tahrir al-Sham
ArmedGroup|Jabhat al-Nusra|Nusra Front,al-Nusra Front,al-Nusra
ArmedGroup|Hezbollah|Hizbollah,Hizballah
ArmedGroup|Hamas|
ArmedGroup|Islamic Jihad|Palestinian Islamic Jihad
ArmedGroup|Taliban|
ArmedGroup|Boko Haram|
ArmedGroup|al-Shabaab|al-Shabab,Al-Shabaab,Shabaab
ArmedGroup|Houthis|Houthi,Ansar Allah,Houthi rebels
ArmedGroup|Syrian Democratic Forces|SDF
ArmedGroup|People's Protection Units|YPG
ArmedGroup|Kurdistan Workers' Party|PKK,Kurdistan Workers Party
ArmedGroup|Free Syrian Army|FSA
ArmedGroup|Syrian National Army|SNA
ArmedGroup|Popular Mobilization Forces|PMF,Hashd al-Shaabi
ArmedGroup|Wagner Group|Wagner
ArmedGroup|Rapid Support Forces|RSF
ArmedGroup|Islamic Revolutionary Guard Corps|IRGC,Revolutionary Guards
ArmedGroup|Irish Republican Army|IRA
ArmedGroup|Red Army|
ArmedGroup|Contras|
ArmedGroup|Khmer Rouge|
ArmedGroup|Shining Path|
ArmedGroup|FARC|
ArmedGroup|Stern Gang|
ArmedGroup|Palestine Liberation Organization|PLO
PoliticalParty|Republican Party|GOP,Republicans,Republican
PoliticalParty|Democratic Party|Democrats,Democrat,Democratic
PoliticalParty|Labour Party|Labour
PoliticalParty|Conservative Party|Conservatives,Tories
PoliticalParty|Communist Party|
PoliticalParty|Kurdistan Democratic Party|KDP
PoliticalParty|Patriotic Union of Kurdistan|PUK
PoliticalParty|Ba'ath Party|Baath Party
PoliticalParty|African National Congress|ANC
MediaOutlet|Rudaw|Rudaw English
MediaOutlet|Reuters|
MediaOutlet|Associated Press|AP
MediaOutlet|Agence France-Presse|AFP
MediaOutlet|BBC|
MediaOutlet|CNN|
MediaOutlet|Al Jazeera|Al-Jazeera
MediaOutlet|Al Arabiya|
MediaOutlet|New York Times|The New York Times
MediaOutlet|Washington Post|The Washington Post
MediaOutlet|Wall Street Journal|The Wall Street Journal
MediaOutlet|Los Angeles Times|
MediaOutlet|The Guardian|Guardian
MediaOutlet|Financial Times|
MediaOutlet|The Economist|
MediaOutlet|Bloomberg|
MediaOutlet|NPR|
MediaOutlet|Fox News|
MediaOutlet|NBC|
MediaOutlet|CBS|
MediaOutlet|ABC|
MediaOutlet|SANA|
MediaOutlet|TASS|ITAR-TASS
MediaOutlet|Xinhua|XINHUA
MediaOutlet|People's Daily|
MediaOutlet|Global Times|
Government|People's Liberation Army|PLA
Government|People's Bank of China|PBOC
MediaOutlet|Interfax|
MediaOutlet|RIA Novosti|
MediaOutlet|Anadolu Agency|Anadolu
MediaOutlet|IRNA|
MediaOutlet|Kyodo|KYODO
MediaOutlet|Yonhap|YONHAP
MediaOutlet|Tass|
MediaOutlet|Pravda|
MediaOutlet|Izvestia|
MediaOutlet|UPI|United Press International
MediaOutlet|Politico|POLITICO
MediaOutlet|Axios|
MediaOutlet|The Hill|
MediaOutlet|CNBC|
MediaOutlet|MSNBC|
MediaOutlet|Breitbart|Breitbart News
Company|General Motors|GM
Company|Ford|Ford Motor Co.
Company|IBM|
Company|Exxon|
Company|Boeing|
Company|Microsoft|
Company|Apple|
Company|Google|
Company|Twitter|
Company|Facebook|
Company|Instagram|
Company|YouTube|
Company|WhatsApp|
Company|Snapchat|
Company|Amazon.com|Amazon|
Company|Toyota|
Company|Moody's|
Company|Moody's Investors Service|
Company|Moody's Analytics|
Company|McDonald's|McDonald's Corp
Company|Macy's|Macy's Inc
Company|Sotheby's|
Company|Christie's|
Company|Lloyd's|Lloyd's of London
`

// miscData: names news gives to laws, programmes, holidays and events —
// what a recogniser calls MISC. They are no person, organisation or place,
// so no entity of ours, however their context reads ("in Obamacare", "said
// on Christmas"). Laws named "... Act" are found by their shape instead.
const miscData = `Deferred Action for Childhood Arrivals|Christianity|Islam|Judaism|Hinduism|Buddhism|Mormon|Mormons|Obamacare|Trumpcare|Medicare|Medicaid|Brexit|DACA|Dream Act|DREAM Act|Christmas|Christmas Eve|Thanksgiving|Easter|Ramadan|Eid|Hanukkah|Passover|Halloween|New Year|New Year's Day|Independence Day|Memorial Day|Labor Day|Veterans Day|Super Bowl|World Cup|Olympics|Olympic Games|Paralympics|Oscars|Grammys|Holocaust|Cold War|World War Two|World War II|Watergate|Black Friday|Cyber Monday|Dodd-Frank|Constitution|U.S. Constitution|NAFTA|North American Free Trade Agreement|TPP|Trans-Pacific Partnership|TPS|Temporary Protected Status|RFS|Renewable Fuel Standard|Paris Agreement|Paris climate accord|Air Force One`

// committeesData: the subjects legislative committees are named by, which
// news writes with or without "Committee" ("House Ways and Means Chairman
// Kevin Brady", "the Senate Armed Services Committee"). A subject with
// "and" is one name, never two organisations ("House Ways" + "Means
// Committee"); after a chamber, or before "Committee", it names the
// committee. Subjects that are common words alone ("Finance", "Rules",
// "Budget") are listed only where "and" joins them into one subject.
const committeesData = `Ways and Means|Armed Services|Homeland Security and Governmental Affairs|Homeland Security and Government Affairs|Homeland Security|Oversight and Government Reform|Oversight and Reform|Energy and Commerce|Energy and Natural Resources|Environment and Public Works|Education and the Workforce|Education and Labor|Transportation and Infrastructure|Small Business and Entrepreneurship|Rules and Administration|Banking, Housing and Urban Affairs|Health, Education, Labor and Pensions|Commerce, Science and Transportation|Agriculture, Nutrition and Forestry|Science, Space and Technology|Financial Services|Foreign Relations|Foreign Affairs|Veterans' Affairs|Veterans Affairs|Natural Resources|Appropriations|Judiciary|Intelligence`

// cityStatesData: one name for a city and the state around it, as
// name|city's canonical name|state's canonical name. The name is the city
// unless a mention's own context says state (ingest/families.go settleCityStates):
// "New York Governor …", "Representative X of New York", "California, New
// York and Texas", "the state of New York". The city's canonical name may
// be longer, so that "New York" and "New York City" are one node.
const cityStatesData = `
New York|New York City|New York State
Washington|Washington|Washington State
`

// usStatesData: the states of the United States and their abbreviations,
// for telling an American story from another (ingest/families.go).
const usStatesData = `Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|New York State|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington State|West Virginia|Wisconsin|Wyoming|District of Columbia|D.C.|Ala.|Ariz.|Ark.|Calif.|Colo.|Conn.|Del.|Fla.|Ga.|Ill.|Ind.|Kan.|Kans.|Ky.|La.|Md.|Mass.|Mich.|Minn.|Miss.|Mo.|Mont.|Neb.|Nev.|N.H.|N.J.|N.M.|N.Y.|N.C.|N.D.|Okla.|Ore.|Pa.|R.I.|S.C.|S.D.|Tenn.|Tex.|Vt.|Va.|Wash.|W.Va.|Wis.|Wyo.`

// Titles and offices: heads of role phrases. Leader roles yield "leads".
const roleHeads = `POTUS|Brigadier|Brigadier General|Major General|Lieutenant General|Field Marshal|Administrator|Anchorman|Attorney|Actor|Actress|Linguist|Academician|Singer|Writer|Author|Novelist|Poet|Artist|Composer|Architect|Physicist|Astronaut|Agent|Detective|Trooper|Sheik|Crown Prince|Brig.|Rev.|Father|Designer|Fellow|Researcher|Producer|Secretary of State|Solicitor General|Surgeon General|President|Vice President|Prime Minister|Deputy Prime Minister|Minister|Secretary|Secretary-General|Secretary General|Undersecretary|Under Secretary|Ambassador|Envoy|Representative|Coordinator|Spokesman|Spokeswoman|Spokesperson|Commander|Commander-in-Chief|General|Gen.|Lt.|Col.|Maj.|Capt.|Sgt.|Adm.|Admiral|Colonel|Major|Captain|Lieutenant|Sergeant|Marshal|Chief|Director|Director-General|Governor|Gov.|Mayor|Senator|Sen.|Rep.|Congressman|Congresswoman|Chairman|Chairwoman|Chair|Chancellor|CEO|Leader|King|Queen|Prince|Princess|Emir|Sultan|Sheikh|Pope|Cardinal|Bishop|Archbishop|Rabbi|Imam|Ayatollah|Judge|Justice|Attorney General|Prosecutor|Officer|Adviser|Advisor|Counselor|Analyst|Correspondent|Reporter|Editor|Publisher|Founder|Head|Premier|Dictator|Commissioner|Inspector|Superintendent|Sheriff|Coroner|Clerk|Speaker|Deputy|Official|Diplomat|Consul|Councillor|Councilman|Delegate|Treasurer|Economist|Professor|Prof.|Dr.|Coach|Manager|Executive|Economist|Chief Executive|Minister of Defence|Foreign Minister|Defence Minister|Defense Minister|Interior Minister|Finance Minister|Health Minister`

// Role modifiers may precede a role head inside a title.
const roleMods = `District|Circuit|Magistrate|Bankruptcy|Appeals|Special|Brigadier|Lieutenant|Major|General|Colonel|Rear|Staff|Deputy|Vice|Acting|Assistant|Associate|Senior|Chief|Executive|Foreign|Defence|Defense|Interior|Finance|Health|Education|Justice|Trade|Prime|First|Second|Top|Principal|Former|Interim|Supreme|Grand|High|Lord|Managing|General|Regional|National|Federal|State|Provincial|Military|Political|Presidential|Royal|Permanent|Lead|Chief of Staff|Secretary of State|Press|Communications|Counterterrorism|Intelligence|Security|Budget`

// Lower-case role nouns used in appositives ("a spokesman for", "the group's leader").
const roleNouns = `anchorman|anchor|administrator|technician|actor|actress|singer|fellow|designer|research fellow|inventor|novelist|poet|artist|composer|architect|physicist|chemist|biologist|astronaut|trooper|pitcher|quarterback|lawmaker|legislator|politician|candidate|nominee|deputy director|vice chairman|general manager|partner|analyst|strategist|president|vice president|prime minister|minister|secretary|secretary-general|ambassador|envoy|representative|coordinator|spokesman|spokeswoman|spokesperson|commander|general|chief|director|governor|mayor|senator|congressman|chairman|chairwoman|chair|chancellor|ceo|leader|king|queen|emir|judge|officer|official|adviser|advisor|analyst|correspondent|reporter|editor|publisher|founder|head|premier|commissioner|lawyer|attorney|counsel|spokesperson|diplomat|member|employee|worker|researcher|scientist|professor|economist|engineer|manager|executive|owner|president-elect|deputy|aide|negotiator|strategist|surgeon|doctor|physician|journalist|photographer|columnist|producer|writer|author|teacher|student|soldier|fighter|militant|commentator|expert|partner|lieutenant|colonel|captain|sergeant|lobbyist|consultant|administrator|superintendent|sheriff|treasurer|agent|detective|prosecutor|inspector|activist|organizer|coach|player|pilot|director-general|chairperson|trustee|auditor|clerk|secretary of state|spokeswoman`

// Leader roles: a person holding them leads the organisation named with them.
const leaderRoles = `president|prime minister|premier|chancellor|king|queen|emir|sultan|leader|chairman|chairwoman|chair|chairperson|ceo|chief executive|head|founder|commander|commander-in-chief|director|director-general|secretary-general|secretary general|dictator|governor|mayor|owner|chief`

// Common given names: a capitalised token from this list starts a person name.
const givenNames = `James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Christopher|Daniel|Matthew|Anthony|Mark|Donald|Steven|Paul|Andrew|Joshua|Kenneth|Kevin|Brian|George|Edward|Ronald|Timothy|Jason|Jeffrey|Ryan|Jacob|Gary|Nicholas|Eric|Jonathan|Stephen|Larry|Justin|Scott|Brandon|Benjamin|Samuel|Frank|Gregory|Raymond|Alexander|Patrick|Jack|Dennis|Jerry|Tyler|Aaron|Jose|Henry|Adam|Douglas|Nathan|Peter|Zachary|Kyle|Walter|Harold|Jeremy|Ethan|Carl|Keith|Roger|Gerald|Christian|Terry|Sean|Arthur|Austin|Noah|Lawrence|Jesse|Joe|Bryan|Billy|Jordan|Albert|Dylan|Bruce|Willie|Gabriel|Alan|Juan|Logan|Wayne|Ralph|Roy|Eugene|Randy|Vincent|Russell|Louis|Philip|Bobby|Johnny|Bradley|Howard|Fred|Harry|Lee|Leon|Martin|Ted|Tom|Bill|Bob|Jim|Jimmy|Mike|Dan|Dick|Ed|Ben|Sam|Tony|Nick|Chris|Steve|Al|Abraham|Lyndon|Franklin|Theodore|Woodrow|Herbert|Calvin|Warren|Dwight|Gerald|Ronald|Barack|Hillary|Nancy|Jimmy|Spiro|Lloyd|Oliver|Hugh|Ian|Neil|Colin|Gordon|Tony|Boris|Vladimir|Mikhail|Sergei|Sergey|Dmitry|Dmitri|Alexei|Alexey|Nikolai|Ivan|Yuri|Igor|Viktor|Oleg|Andrei|Pavel|Leonid|Volodymyr|Petro|Emmanuel|Francois|Jacques|Nicolas|Jean|Pierre|Angela|Helmut|Gerhard|Olaf|Hans|Karl|Klaus|Wolfgang|Friedrich|Giuseppe|Silvio|Mario|Giorgia|Luigi|Pedro|Carlos|Luis|Miguel|Jorge|Manuel|Fidel|Raul|Hugo|Nicolas|Recep|Ahmet|Mehmet|Mustafa|Kemal|Bashar|Hafez|Saddam|Nouri|Haider|Masoud|Masrour|Nechirvan|Barham|Jalal|Qubad|Abu|Abdullah|Abdul|Ahmed|Ahmad|Mohammed|Mohammad|Muhammad|Mohamed|Ali|Hassan|Hussein|Hussain|Omar|Osama|Ayman|Khalid|Khaled|Ibrahim|Ismail|Yusuf|Youssef|Mahmoud|Mahmud|Salah|Hamid|Hamad|Faisal|Salman|Tamim|Hosni|Anwar|Gamal|Yasser|Benjamin|Yitzhak|Shimon|Ariel|Ehud|Naftali|Golda|Menachem|Xi|Hu|Li|Wang|Zhang|Deng|Mao|Zhou|Shinzo|Fumio|Kim|Moon|Park|Narendra|Rahul|Indira|Rajiv|Imran|Nawaz|Benazir|Pervez|Nelson|Jacob|Cyril|Robert|Kofi|Ban|Antonio|Ursula|Jens|Josep|Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Lisa|Nancy|Betty|Margaret|Sandra|Ashley|Kimberly|Emily|Donna|Michelle|Carol|Amanda|Dorothy|Melissa|Deborah|Stephanie|Rebecca|Sharon|Laura|Cynthia|Kathleen|Amy|Angela|Shirley|Anna|Brenda|Pamela|Emma|Nicole|Helen|Samantha|Katherine|Christine|Debra|Rachel|Carolyn|Janet|Catherine|Maria|Heather|Diane|Ruth|Julie|Olivia|Joyce|Virginia|Victoria|Kelly|Lauren|Christina|Joan|Evelyn|Judith|Megan|Andrea|Cheryl|Hannah|Jacqueline|Martha|Gloria|Teresa|Ann|Anne|Sara|Madison|Frances|Kathryn|Janice|Jean|Abigail|Alice|Judy|Sophia|Grace|Denise|Amber|Doris|Marilyn|Danielle|Beverly|Isabella|Theresa|Diana|Natalie|Brittany|Charlotte|Marie|Kayla|Alexis|Lori|Jane|Lucy|Margaret|Eleanor|Rosa|Ruth|Edith|Ellen|Louise|Marian|Marianne|Golda|Indira|Benazir|Aung|Fatima|Aisha|Layla|Leila|Nadia|Zainab|Yasmin|Miriam|Rania|Hanan|Huda|Noor|Nour|Sofia|Elena|Olga|Natalia|Tatiana|Irina|Svetlana|Yulia|Anastasia|Ingrid|Greta|Astrid|Carmen|Isabel|Lucia|Pilar`

// Organisation heads: the last word of a name that makes it an organisation,
// with the class it gives.
const orgHeadsData = `
Company|SA|NV|SpA|LLP|Plc|Analytics|Brothers|Books|Railroad|Railway|Railways|Firm|Motel|Inn|Works|Mills|Packing|Aviation|Resources|Mining|S.p.A.|S.A.|AG|GmbH|N.V.|Inc.|Inc|Corp.|Corp|Co.|Co|Ltd.|Ltd|LLC|PLC|plc|Company|Corporation|Group|Holdings|Industries|Bank|Airlines|Airways|Motors|Enterprises|Partners|Associates|Systems|Technologies|Pharmaceuticals|Foods|Stores|Hotel|Hotels|Theatre|Theater|Restaurant|Studios|Records|Electric|Oil|Petroleum|Steel|Energy
Government|Staff|Ministry|Department|Government|Administration|Parliament|Assembly|Cabinet|Senate|Congress|Court|Commission|Bureau|Agency|Office|Authority|Service|Police|Embassy|Consulate|Council|Municipality|Legislature|Directorate|Regime
ArmedGroup|Forces|Army|Brigade|Brigades|Battalion|Regiment|Militia|Militias|Front|Guard|Guards|Corps|Navy|Fleet|Legion|Mobilization|Units|Rebels|Mujahideen|Jihad
PoliticalParty|Party|Bloc
MediaOutlet|FM|Media|News|Times|Post|Journal|Herald|Tribune|Gazette|Radio|Television|TV|Network|Press|Broadcasting|Daily|Weekly|Magazine|Review|Chronicle|Telegraph|Observer|Monitor|Courier|Globe|Sun|Star|Report
Organization|Alliance|Coalition|Labs|Tech|Exchange|Chamber|Depository|Complex|Complexes|University|Institute|College|School|Academy|Association|Foundation|Society|Union|Federation|League|Organization|Organisation|Committee|Movement|Church|Hospital|Museum|Center|Centre|Club|Team|Confederation|Fund|Trust|Board|Council|Laboratory|Laboratories|Library|Program|Programme|Project|Initiative|Conference|Institution|Cooperative|Syndicate|Order|Mission|Clinic|Seminary|Brotherhood|Network|Watch|Secretariat
`

// Location heads: the last word of a name that makes it a place.
const locHeadsData = `
Province|Province|Governorate|Prefecture|County|District|Oblast|Region|State|Territory|Canton|Parish|Borough|Township|Valley|Peninsula|Coast|Heights|Desert|Plain|Plains
City|City|Town|Village|Beach|Springs|Falls|Harbor|Harbour|Port|Hills|Park|Heights
Camp|Camp
River|River|Creek
Facility|Room|Airport|Airbase|Base|Depot|Seashore|Site|Cave|Reservoir|Monument|Memorial|Shipyard|Arsenal|Prison|Jail|Dam|Bridge|Square|Street|Avenue|Road|Highway|Stadium|Palace|Mosque|Cathedral|Temple|Tower|Building|Hall|Plaza|Mall|Station|Port|Crossing|Checkpoint|Refinery|Plant|Mine|Field
Location|Refuge|Preserve|Wilderness|Mountains|Mountain|Mount|Island|Islands|Lake|Lakes|Sea|Ocean|Gulf|Bay|Strait|Canal|Forest|Island|Sound
`

// Lower-case descriptors after a name that decide its class ("al-Hol camp",
// "Idlib province"); strip says whether the canonical name drops them.
var descriptors = map[string]struct {
	class schema.Class
	strip bool
}{
	"province": {schema.Province, true}, "governorate": {schema.Province, true},
	"district": {schema.Region, true}, "region": {schema.Region, true}, "county": {schema.Province, false},
	"city": {schema.City, true}, "town": {schema.City, true}, "village": {schema.City, true},
	"camp": {schema.Camp, false}, "river": {schema.River, false},
	"group": {schema.ArmedGroup, true}, "militia": {schema.ArmedGroup, false},
	"regime": {schema.Government, false}, "government": {schema.Government, false},
	"forces": {schema.ArmedGroup, false}, "party": {schema.PoliticalParty, false},
	"rebels": {schema.ArmedGroup, false}, "militants": {schema.ArmedGroup, true},
	"ministry": {schema.Government, false}, "administration": {schema.Government, false},
	"army": {schema.ArmedGroup, false}, "movement": {schema.Organization, false},
	"company": {schema.Company, true}, "firm": {schema.Company, true}, "corporation": {schema.Company, true},
	"institute": {schema.Organization, false}, "newspaper": {schema.MediaOutlet, true},
}

// gazetteer is the parsed, read-only form of the tables above.
type gazetteer struct {
	entries   map[string]gazEntry // surface form (case-sensitive) → entry
	lowerEnt  map[string]gazEntry // lower-cased surface → entry, for all-caps text
	maxLen    int                 // longest entry in tokens
	demonyms  map[string]string   // "Russian" → "Russia"
	capitals  map[string]string   // "Damascus" → "Syria"
	adjective map[string]string   // "Syria" → "Syrian"
	roleHeads map[string]bool
	roleMods  map[string]bool
	roleNouns map[string]bool
	leaders   map[string]bool
	given     map[string]bool
	orgHeads  map[string]schema.Class
	locHeads  map[string]schema.Class
	misc      map[string]bool      // miscData: named things that are no entity
	committee map[string]bool      // committeesData: subjects of legislative committees
	cityState map[string][2]string // cityStatesData: city's canonical name → the shared name, the state's
	usStates  map[string]bool      // usStatesData
	commAnd   int                  // most tokens of a committee subject with "and"
}

type gazEntry struct {
	Name  string // canonical
	Class schema.Class
}

func splitBar(s string) []string {
	var out []string
	for _, f := range strings.Split(s, "|") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func newGazetteer() *gazetteer {
	g := &gazetteer{
		entries: map[string]gazEntry{}, lowerEnt: map[string]gazEntry{},
		demonyms: map[string]string{}, capitals: map[string]string{}, adjective: map[string]string{},
		roleHeads: map[string]bool{}, roleMods: map[string]bool{}, roleNouns: map[string]bool{},
		leaders: map[string]bool{}, given: map[string]bool{},
		orgHeads: map[string]schema.Class{}, locHeads: map[string]schema.Class{}, misc: map[string]bool{},
	}
	for _, n := range splitBar(miscData) {
		g.misc[n] = true
	}
	g.usStates = map[string]bool{}
	for _, n := range splitBar(usStatesData) {
		g.usStates[n] = true
	}
	g.cityState = map[string][2]string{}
	for _, line := range strings.Split(cityStatesData, "\n") {
		if f := splitBar(line); len(f) == 3 {
			// The name is the city wherever it is read (a dateline, "New
			// York-based", a rule's place); ingest moves the mentions a
			// state's context claims.
			e := gazEntry{f[1], schema.City}
			g.entries[f[0]], g.lowerEnt[strings.ToLower(f[0])] = e, e
			g.cityState[f[1]] = [2]string{f[0], f[2]}
		}
	}
	g.committee = map[string]bool{}
	for _, n := range splitBar(committeesData) {
		g.committee[n] = true
		if strings.Contains(n, " and ") {
			g.commAnd = max(g.commAnd, len(nlp.Tokenize(n)))
		}
	}
	add := func(surface string, e gazEntry) {
		if _, ok := g.entries[surface]; ok {
			return // first table wins: countries before cities
		}
		g.entries[surface] = e
		if _, ok := g.lowerEnt[strings.ToLower(surface)]; !ok {
			g.lowerEnt[strings.ToLower(surface)] = e
		}
		if n := len(nlp.Tokenize(surface)); n > g.maxLen {
			g.maxLen = n
		}
	}
	for _, line := range strings.Split(countriesData, "\n") {
		f := strings.Split(line, "|")
		if len(f) < 4 {
			continue
		}
		name := f[0]
		add(name, gazEntry{name, schema.Country})
		for _, a := range strings.Split(f[3], ",") {
			if a = strings.TrimSpace(a); a != "" {
				add(a, gazEntry{name, schema.Country})
			}
		}
		for _, d := range strings.Split(f[1], ",") {
			if d = strings.TrimSpace(d); d != "" {
				if _, ok := g.adjective[name]; !ok {
					g.adjective[name] = d
				}
				if _, ok := g.demonyms[d]; !ok {
					g.demonyms[d] = name
				}
			}
		}
		if f[2] != "" {
			g.capitals[f[2]] = name
		}
	}
	class := schema.Location
	for _, line := range strings.Split(placesData, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "# ") {
			class = schema.Class(strings.TrimPrefix(line, "# "))
			continue
		}
		for _, n := range splitBar(line) {
			add(n, gazEntry{n, class})
		}
	}
	for cap := range g.capitals {
		add(cap, gazEntry{cap, schema.City})
	}
	// "Puerto Rican Governor X": a territory's demonym names it as a
	// country's does.
	for d, place := range regionDemonyms {
		if _, ok := g.demonyms[d]; !ok {
			g.demonyms[d] = place
		}
	}
	for _, line := range strings.Split(orgsData, "\n") {
		f := strings.Split(line, "|")
		if len(f) < 3 {
			continue
		}
		e := gazEntry{f[1], schema.Class(f[0])}
		add(f[1], e)
		for _, a := range strings.Split(f[2], ",") {
			if a = strings.TrimSpace(a); a != "" {
				add(a, e)
			}
		}
	}
	for _, r := range splitBar(roleHeads) {
		g.roleHeads[r] = true
	}
	for _, r := range splitBar(roleMods) {
		g.roleMods[r] = true
	}
	for _, r := range splitBar(roleNouns) {
		g.roleNouns[r] = true
	}
	for _, r := range splitBar(leaderRoles) {
		g.leaders[r] = true
	}
	for _, r := range splitBar(givenNames) {
		g.given[r] = true
	}
	for _, line := range strings.Split(orgHeadsData, "\n") {
		f := splitBar(line)
		for _, h := range f[min(1, len(f)):] {
			if _, ok := g.orgHeads[h]; !ok {
				g.orgHeads[h] = schema.Class(f[0])
			}
		}
	}
	for _, line := range strings.Split(locHeadsData, "\n") {
		f := splitBar(line)
		for _, h := range f[min(1, len(f)):] {
			if _, ok := g.locHeads[h]; !ok {
				g.locHeads[h] = schema.Class(f[0])
			}
		}
	}
	return g
}
