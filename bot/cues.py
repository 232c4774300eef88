"""Word cues that sharpen what the intent classifier says.

The classifier knows the kind of question; these cues catch the few things it
must never get wrong: a request for a fact that the page simply does not hold
(money, contact details, dates of partnerships), a follow-up that only names a
new subject ("and Murmansk?"), and a wish to keep to the actively kept ties.
"""
import re
from typing import Optional, Sequence

from bot.names import Mention, fold, tokens

# Facts the page never gives, whatever the subject.
_UNLISTED_FACT = re.compile(r"""
    \bbudgets?\b | \bfunding\b(?!\s+(programmes?|programs?|programma'?s?)) | \bfunded\s+with\b | \bhow\s+much\s+(money|funding|did|does|do|is|was|will|euro) |
    \beuros?\b | € | \bmillion\b | \bsubsidy\s+amount | \bgrant\s+(amount|size) | \bkost(en|te)?\s+(het|de)\b |
    \bhoeveel\s+(geld|subsidie|kost) | \bsubsidiebedrag | \bbegroting |
    \bopening\s*(hours|times) | \bopen\s+on\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekends?) |
    \bopeningstijden | \bhoe\s+laat\b | \bopen\s+op\s+(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|het\s+weekend) |
    \bgeopend\b | \bhow\s+much\s+subsid\w* | \bhoeveel\s+subsidie | \b(their|its)\s+(email|e-mail|website|webpage)\b |
    \b(can|could|may|how\s+(do|can))\s+(i|we|you|one)\s+(\w+\s+)?volunteer\b | \bvolunteer\w*\s+(opportunit\w*|positions?|vacanc\w*)\b | \bvrijwilliger\s+worden\b |
    \bon\s+hold\b | \bput\s+on\s+ice\b | \bhalted\b | \bcut\s+(the\s+)?(ties|tie|links?)\b | \bstopgezet\b | \bbevroren\b |
    \bhow\s+(can|do|could|would|should)\s+(we|i|you|one|my\s+\w+|our\s+\w+)\s+(join|take\s+part|participate|get\s+involved|
        become\s+(a\s+)?(partner|member)|apply)\b | \bhoe\s+(kunnen|kan)\s+(we|wij|ik)\s+(meedoen|deelnemen|aansluiten) |
    \bapply\s+for\b | \b(first|previous|earlier|original|eerste|vorige)\s+(hytrec\w*|hector)\b | \bthe\s+one\s+before\b |
    \bpredecessor\b | \bvoorganger | \bphone\s*number | \btelephone | \btelefoon | \be-?mail\s+address | \bemailadres |
    \bpostal\s+address | \bvisiting\s+address | \bbezoekadres | \bcontact\s*person | \bcontactpersoon |
    \bwebsite\s+of\b | \bmake\s+an\s+appointment | \bafspraak\s+maken |
    \bwhen\s+(did|was)\b.*\b(become|became|signed|established|founded|twinned|start(ed)?\s+the\s+(partnership|tie|link|relationship)) |
    \bwhen\s+was\b.*\b(set\s+up|opened|founded) | \bwanneer\s+is\b.*\b(opgericht|geopend) |
    \bname\s+of\s+(the|that|this)\s+foundation | \bfoundation('?s)?\s+name | \bwhat\s+is\s+(the|that)\s+foundation\s+called |
    \bhoe\s+heet\s+(de|die|het|deze)?\s*stichting | \bnaam\s+van\s+(de|die)\s+stichting |
    \bmayors?\b | \b(nicest|prettiest|most\s+beautiful|best\s+to\s+visit|leukste|mooiste)\b | \bweekend\s+trip\b |
    \bwhy\b[^?.!]*\b(pick|picked|chose|choose|chosen|select\w*|kozen|gekozen)\b |
    \b(why|waarom)\b[^?.!]*\b(twinned|partnered|twin\s+towns?\s+with|partner\s+cit(y|ies)\s+with|gekoppeld|verbonden)\b[^?.!]*\b(with|met)\b | \bwhat\s+make\b | \bwhat'?s\s+the\s+street\b | \b(which|what)\s+part\s+of\s+(town|the\s+city)\b |
    \b(is|are)\s+(now\s+)?over\b | \bbuy\s+more\b | \bplans\s+for\b | \bhow\s+much\s+(\w+\s+)?(money|funding|geld|subsid\w*) |
    \b(name|list)\s+(the\s+)?(actual\s+|specific\s+|exact\s+)?(sectors|sectoren)\b | \b(actual|specific|exact)\s+sectors\b |
    \b(rijdt|rijden)\b[^?.!]*\b(nu\s+al|al\s+echt|al)\b[^?.!]*\brond\b | \bnu\s+al\s+(echt\s+)?(rond|in\s+gebruik)\b |
    \bwhat'?s\s+(the|that)\s+foundation\s+called | \bfoundation\s+called\b | \b(like|want|love)\s+to\s+volunteer\b | \bburgemeester | \blead\s+partner | \bcoordinat(or|es|ing)\b | \bpenvoerder |
    \bbrand\b(?!\s+(itself|themselves|the\s+city|groningen|zich)) | \bmanufacturer | \bwhich\s+make\b | \bwelk\s+merk |
    \bproject\s*(leader|manager|lead)\b | \bprojectleider | \bwho\s+(leads|runs|manages)\s+(the\s+)?project | \bwie\s+leidt |
    \bresults?\b | \boutcomes?\b | \bperform(ed|ance)?\b | \bdid\s+(it|they|\w+)\s+(actually\s+)?(work|succeed) |
    \bsuccess(ful)?\b | \bresultaten\b | \bresultaat\b | \bopgeleverd | \bis\s+het\s+gelukt |
    \bwhen\s+did\s+(the|that|this)\s+(tie|link|relationship|partnership|twinning|connection)\b |
    \bwanneer\s+is\s+(de|die)\s+(band|stedenband|relatie) |
    \bfree\s+of\s+charge | \bfor\s+free\b | \b(is|are)\s+(it|they|this|that|the\s+\w+(\s+\w+)?)\s+free\b |
    \b(have|need)\s+to\s+pay\b | \bhow\s+much\b.*\bcost | \bwhat\s+does\s+(it|that)\s+cost | \bfees?\b | \bprices?\b |
    \bgratis\b | \bkosteloos | \bmoet\s+ik\s+(\w+\s+)?betalen | \bwat\s+kost |
    \bwhen\s+(are|is)\s+(they|it|you|the\s+[\w\s]{1,40}?)\s+open\b | \bopen\s+(today|tomorrow|now|on\s+sundays?) |
    \bwhat\s+time\s+(do|does)\s+\w+(\s+\w+)?\s+(open|close) | \bwanneer\s+(zijn|is)\s+\w+(\s+\w+)?\s+open\b |
    \b(which|what)\s+street | \bstreet\s+name | \bexact\s+(location|address|spot|place) | \bwhere\s+exactly |
    \bexactly\s+where | \bwelke\s+straat | \bwaar\b[^?.!]*\b(te\s+staan|gebouwd|neergezet)\b | \bwaar\s+precies\b | \bwaar\b[^?.!]*\bprecies\b[^?.!]*\b(staan|komen|liggen|ligt|komt)\b | \bhoe\s+kom\s+ik\s+(er|daar) | \bhow\s+do\s+i\s+get\s+there |
    \b(which|what)\s+(one|city|partner|of\s+them)\b[^?.!]*\bfirst\b |
    \b(what|which)\s+year\b[^?.!]*\b(become|became|sister|twin\w*|partners?|ties?|links?|sign\w*|found\w*|establish\w*|set\s+up|open\w*) |
    \bhow\s+long\s+(has|have)\b[^?.!]*\b(been|partners?|ties?|links?|sister|twin\w*) | \bhoe\s+lang\s+(al|is)\b[^?.!]*\b(partner|band|zuster) |
    \bwhich\s+company\b | \bwho\s+(builds|makes|made|built|produces|produced|supplies|supplied|delivers|delivered)\s+
        (the|them|it|its|those|these|that|groningen'?s|hydrogen|trucks?|vehicles?|cars?|vans?)\b(?![^?.!]*\b(knowledge\s+city|city\s+of\s+knowledge|kennisstad))\b |
    \bwelk\s+bedrijf\b | (?<!met\s)\bwie\s+(bouwt|maakt|levert)\b(?![^?.!]*\b(kennisstad|stad|city)) |
    \bleadpartner | \b(which|what)\s+days?\b | \b(op\s+)?welke\s+dag |
    \bcan\s+i\s+(fill|refuel|use|tank|visit|go)\b | \bmag\s+ik\b | \bprivate\s+(person|individual|car|driver)s? |
    \bpublic(ly)?\s+(accessible|available|use) | \bopen\s+to\s+(the\s+)?public | \bopenbaar\s+toegankelijk |
    \bhow\s+many\s+(of\s+(them|these|those)\s+)?(are|will\s+be)\s+(\w+\s+)?(trucks?|cars?|vans?|buses|lorr\w+|garbage|refuse|passenger) | \b(frozen|suspended|paused|cancell?ed|terminated|bevroren|opgeschort|stopgezet)\b | \bwhere\b[^?.!]*\b(be\s+built|built|be\s+located|gebouwd|komen\s+te\s+staan) |
    \b(which|what|welke)\s+(specific|exact|precise)\s+(themes|thema'?s|topics|subjects|onderwerpen)\b |
    \b(which|what|welke|name\s+the)\s+(universities|universiteiten|hogescholen|knowledge\s+institutions|kennisinstellingen)\b |
    \bgrants?\b | \bincentives?\b | \btax\s+breaks? | \bfinancial\s+(support|help|aid|incentives?) |
    \bwethouders? | \balderm[ae]n | \bscholarships? | \b(studie)?beurzen\b | \bstudiebeurs |
    \bexchange\s+(programmes?|programs?|students?|semesters?|years?|period) | \bstudy\s+abroad\b | \bstuderen\s+in\s+het\s+buitenland\b |
    \bwie\s+(betaalt|financiert|subsidieert|bekostigt)\b[^?.!]*\b(welcome|centre|center|centrum|iwcn)\b |
    \b(welcome\s+cent(re|er)|iwcn)\b[^?.!]*\b(betaald|gefinancierd|bekostigd)\b | \bstudent\s+exchange | \buitwisseling\w* |
    \btrade\s+(office|offices|missions?) | \bhandelsmissie\w* | \bhandelskantoor |
    \bwhat\s+(did|does|do|will|would)\b[^?.!]*\bcost\b |
    \b(new|nieuwe|future|toekomstige|next|volgende|upcoming|coming)\s+(eu\s+|european\s+|europese\s+|hydrogen\s+|waterstof\s*)?(projects?|projecten)\b | \bcouncillors? | \bcouncil\s+members? | \bgekost\b | \bkostte\b |
    \bhow\s+(big|large|wide|heavy|far|tall|deep|high|old|cold|warm|hot)\b(?![^?.!]*\bfleet) | \bhoe\s+(groot|zwaar|ver|diep|hoog|oud|koud|warm)\b |
    \bmanufactur\w* | \bfabrikant\w* | \bwho\s+(made|built|builds|makes|produces|produced|delivers|delivered|supplies|supplied)\s+(the|those|these|them)\b |
    (?<!met\s)\bwie\s+(maakt|maakte|bouwt|bouwde|levert|leverde)\s+(de|die|ze)\b(?!\s+(gemeente|stad)\b) | \bmegawatts?\b | \bmw\b | \bkwh\b |
    \b(trains?|trein\w*|flights?|vlucht\w*|vliegen|(bus|trein|vlieg)verbinding\w*|reistijd|travel\s+time|journey|directions|distance|afstand)\b |
    \bhow\s+(do|can)\s+(i|we|you)\s+get\s+(to|there)\b | \bhoe\s+kom\s+(ik|je|we)\s+(in|naar|bij|er)\b |
    \bhow\s+(much|many)\s+(\w+\s+){0,2}(investments?|investors?|jobs|banen|companies|bedrijven)\b(?![^?.!]*\b(trucks?|vehicles?)\b) |
    \bhoeveel\s+(\w+\s+){0,2}(investering\w*|investeerders|banen|bedrijven)\b |
    \bhistory\b | \bgeschiedenis\b | \brecommend\w*\b | \baanrad\w* | \bstocks?\b | \baandelen\b | \blisted\s+(hydrogen\s+)?companies\b | \bhanze(stad|steden|verbond|liga|bond)\w* | \bhanseatic\b | \beurocities\b |
    \b(member|members|lid|leden)\s+(of|van)\s+(a|an|the|het|een|de)\s+(\w+\s+)?(network|netwerk|league|association|vereniging|alliance)\b |
    \b(chair|chairperson|chairman|chairwoman|voorzitter|board\s+members?|bestuursleden|bestuur)\b |
    \b(ask|asks|charge|charges|vragen|vraagt|rekenen|rekent)\s+(\w+\s+){0,2}(money|a\s+fee|fees|geld)\b | \bfees?\b |
    \bfree\s+of\s+charge\b | \bis\s+(it|that|this)\s+free\b | \bgratis\b | \bkosteloos\b | \bhistorisch\w* | \bhistorical\w* |
    \b(which|what|welk|welke)\s+(solar\s+park|solar\s+farm|zonnepark)\b | \b(where|waar)\b[^?.!]*\b(solar\s+park|solar\s+farm|zonnepark)\b |
    \b(solar\s+park|solar\s+farm|zonnepark)\b[^?.!]*\b(where|waar\s+(ligt|is|staat|zit))\b |
    \bhectares?\b | \bkilomet(er|re)s?\b | \bsquare\s+met(er|re)s? | \bcapacity\b | \bcapaciteit\b |
    \btonnes?\b | \bhow\s+much\s+co2 | \bco2\s+(was\s+|were\s+)?(saved|savings?) | \bhoeveel\s+co2 |
    \bwho\s+(actually\s+)?(manages|operates|owns|is\s+in\s+charge\s+of)\b | \b(sits?|sitting|serves?|are|is)\s+(on|in)\s+the\s+board\b | \bwie\s+(beheert|is\s+eigenaar) |
    \bwho\s+(actually\s+)?runs\s+(the\s+)?(international\s+)?welcome |
    \bneighbou?rhoods?\b | \bwijk(en)?\b |
    \b(still|nog\s+steeds|nog\s+altijd)\s+(driving|in\s+use|operating|in\s+service|rijden|in\s+gebruik)\b |
    \bextended\b | \bverlengd\b | \b(war|oorlog|sanctions|sancties|invasion|invasie|invad\w*|suspend|suspends|pause|freeze|opschorten)\b | \bsucces\b |
    \b(president|voorzitter|commissioner|eurocommissaris|prime\s+minister|minister-?president|premier)\b |
    \bafspraak\b[^?.!]*\b(maken|inplannen|plannen)\b | \b(make|book|schedule)\s+(me\s+|us\s+)?an?\s+appointment\b |
    \b(fabrikant|producent|leverancier)\b | \baanspreekpunt | \b(e-?mail|phone|telefoon|bellen|mailen)\b | \bget\s+in\s+touch\b |
    \bcontact\s+opnemen\b | \bin\s+contact\s+komen\b | \b(e-?)?mailadres | \bcontact\s*(details|gegevens|info) |
    \bpopulation\b | \binwoners\w* | \bbevolking\w* | \bhow\s+many\s+(people|inhabitants|residents)\s+(live|are\s+there|does)\b |
    \bhoeveel\s+(mensen|inwoners)\s+(wonen|heeft|telt)\b |
    \b(safe|safety|unsafe|veilig\w*|onveilig\w*|dangerous|danger|gevaarlijk\w*|gevaar|explosive|explode\w*|explosie\w*|ontplof\w*)\b |
    \bwhat\s+does\s+(the\s+)?(city|municipality|gemeente|council|groningen)\s+think\s+(of|about)\b |
    \bwat\s+vindt\s+(de\s+gemeente|groningen|de\s+stad|het\s+college|de\s+gemeente\s+groningen)\s+van\b |
    \b(challenges|uitdagingen|themes|thema'?s|solutions|oplossingen)\b[^?.!]*\b(concretely|concrete|concreet|specifically|precisely|precies)\b |
    \b(concretely|concreet|specifically|precisely)\b[^?.!]*\b(challenges|uitdagingen|themes|thema'?s|solutions|oplossingen)\b |
    \b(planning|plans?)\s+to\s+(add|expand|start|join|open|build|become|sign|find)\b |
    \b(new|more|additional|extra|nieuwe|meer)\s+(partner|sister|twin|partner-?)\s*(cities|city|towns?|steden|stad)\b |
    \bin\s+the\s+(next|coming)\s+(few\s+)?years\b | \bde\s+komende\s+jaren\b |
    \b(closer|stronger|bigger|larger|more\s+important|more\s+active|better|weaker)\s+than\b |
    \b(groter|kleiner|ouder|jonger|sterker|belangrijker|actiever|rijker|drukker)\s+dan\b |
    \b(is|are)\s+in\s+charge\b | \bwho\s+leads\b | \bleads?\s+the\s+(\w+\s+)?project\b |
    \b(which|what|welke)\s+(of\s+)?(the\s+|de\s+)?(\w+\s+){0,2}(cities|partners|steden|countries|landen)\s+(has|have|is|heeft|hebben)\s+
        (the\s+|de\s+|het\s+)?(worst|best|most|least|biggest|largest|highest|lowest|meeste|minste|grootste|hoogste|slechtste)\b |
    \bcompare[sd]?\b(?![^?.!]*\b(how|what|hoe|wat|vehicles?|trucks?|cars?|voertuigen|vuilniswagens)\b) | \bvergelijk\w*(?![^?.!]*\b(how|what|hoe|wat)\b) |
    \b(which|what)\s+(one|project|city)\s+(got|gets|has|had|received|receives)\s+(more|less|the\s+most|most)\b
        (?![^?.!]*\b(vehicles?|trucks?|cars?|vans?|voertuigen|vuilniswagens)\b) |
    \b(sign\s+up|enrol|enroll|register|aanmelden|inschrijven)\s+(for|voor|to|bij)\b |
    \balready\s+(driving|in\s+use|on\s+the\s+road|operating|in\s+service)\b |
    \balready\s+(has|have|got)\b[^?.!]*\b(trucks?|vehicles?|cars?|vans?)\b | \bdriving\s+around\b |
    \b(the|its|their|your|an?|het|hun|jullie)\s+address\b | \badres\b |
    \bname\s+of\s+(the|that|this)\s+(solar\s*park|zonnepark|park|company|firm|street|station|filling\s+station|refuel\w*\s+(point|station))\b |
    \b(what|how)\s+is\s+(the|that)\s+(solar\s*park|park|company|station)\s+called\b | \bhoe\s+heet\s+(het|dat)\s+(zonnepark|bedrijf) |
    \bsubsidies\b | \b(export|start-?up|business|investment)\s*subsid\w* | \bexportsubsidie\w* |
    \bsubsid\w*\s+(voor|for|to|om)\s+(\w+\s+){0,2}(export\w*|start-?ups?|bedrijven|companies|businesses|firms|ondernemers|entrepreneurs|te\s+exporteren)\b |
    \b(signed|twinned|ondertekend|getekend)\b[^?.!]*\b(1[89]\d\d|20\d\d)\b | \b(1[89]\d\d|20\d\d)\b[^?.!]*\b(signed|twinned|ondertekend|getekend)\b |
    \b(knowledge\s+institutions|kennisinstellingen|universities|universiteiten)\b[^?]{0,40}\b(which|welke)\s+(ones|zijn\s+dat|exactly|precies)\b |
    \bfollow[\s-]?up\s+(project|programme|program)s?\b | \bhow\s+(do|can|should|could)\s+(we|i|you|they|one)\s+apply\b |
    \bdeadlines?\b | \bapplication\s+(form|procedure|process|round)s? | \bcall\s+for\s+(proposals|projects) | \bsuccessor\b | \bvervolgproject\w* | \bplanned\s+after\b |
    \bafter\s+(hector|hytrec\w*|the\s+project|it|that)\s+(ends|ended|is\s+over|finishes|finished|stops|stopped)\b |
    \bna(dat)?\s+(hector|hytrec\w*|het\s+project|afloop)\b | \b(rijden|rijdt)\s+(ze|die|deze|zij)\s+(er\s+)?(nu\s+)?nog\b |
    \b(are\s+they|is\s+it|are\s+the\s+\w+)\s+still\s+(running|driving|in\s+use|on\s+the\s+road|around)\b | \bwhat\s+comes\s+after\b | \bwhere\s+can\s+i\s+(see|find|visit)\s+(it|them|the)\b |
    \b(name|list)\s+(some|a\s+few)\s+(\w+\s+)?(companies|firms|employers|bedrijven)\b |
    \b(will|would)\s+i\s+be\s+able\s+to\b | \bmy\s+own\s+(hydrogen\s+)?(car|vehicle|auto)\b |
    (?<!for\s)\bwhat\s+(kind|sort|type)s?\s+of\s+(things|activities|events)\b | \bfestivals?\b |
    \bdo\s+(they|we|the\s+cities|the\s+two)\s+(actually\s+)?do\s+together | \bsamen\s+doen\b |
    \bwhy\b[^?.!]*\b(not|only|isn'?t|aren'?t|no\s+longer)\b[^?.!]*\b(active|actively|maintain\w*|kept)\b |
    \bwaarom\b[^?.!]*\b(niet|alleen)\b[^?.!]*\bactie\w* | \b(car|vehicle|truck)\s+models?\b | \bwhich\s+models?\b |
    \bwhat\s+do\s+you\s+(personally\s+|really\s+)?think\b | \byour\s+(own\s+|personal\s+|honest\s+)?(opinion|view|take)\b |
    \bshould\s+(groningen|the\s+city|the\s+municipality|the\s+gemeente|we)\s+(still\s+|really\s+)?(keep|stop|end|drop|continue|join|leave|cut)\b |
    \bwat\s+vind\s+(jij|je)\b | \bjouw\s+mening\b |
    \bwho\s+(pays|funds|finances|sponsors)\b[^?.!]*\b(welcome|centre|center|desk|iwcn)\b |
    \b(welcome\s+cent(re|er)|iwcn)\b[^?.!]*\b(funded|financed|paid\s+for|sponsored)\b |
    \b(organi[sz]ations?|parties|partners|who)\s+(are|is)\s+behind\s+(the|that|this)\s+(welcome|centre|center|desk|iwcn)\b |
    \b(won|win|wins|received|got|given)\s+(any|an|a|the|some)?\s*(awards?|prizes?|titles?)\b | \b(european\s+)?green\s+capital\b |
    \bcapital\s+of\s+culture\b |
    \b(director|head|manager|chairman|chairwoman|chairperson|boss|leader|directeur|hoofd)\s+(of|van)\s+(the\s+|het\s+|de\s+)?
        (welcome|centre|center|iwcn|foundation|stichting|project|hector|hytrec\w*)\b |
    \b(out\s+)?on\s+(the|my|our)\s+streets?\b[^?.!]*\b(now|yet|already|today)\b | \b(now|yet|already)\b[^?.!]*\bon\s+(the|my|our)\s+streets?\b |
    \b(how\s+many|hoeveel)\s+(\w+\s+){0,2}(\w*stations?|refuel\w*\s+points?|filling\s+points?|\w*vulpunten)\b[^?.!]*
        \b(now|currently|at\s+the\s+moment|right\s+now|today|already|op\s+dit\s+moment|nu|momenteel|al|in\s+total|in\s+totaal|
        (does|do)\s+(groningen|the\s+city|the\s+municipality)\s+have|heeft\s+(groningen|de\s+stad|de\s+gemeente))\b |
    \bpercent\w* | \bprocent\w* | \bprogramm[ae]\s*period\w* | \bfunding\s+period\w* | \bsubsidieperiode\w* |
    \b(v[oó]{2}rdat|before|prior\s+to)\b[^?.!]*\b(begon|began|started|startte|begin|begins|kicked\s+off)\b |
    \b(is\s+it|it'?s|was\s+it)\s+(a\s+)?(good|bad|wise|smart|sensible)\s+idea\b | \bhuman\s+rights\b | \bmensenrechten\b |
    \b(goed|slecht|verstandig)\s+idee\b | \b(concrete|specific|concreet|concrete)\s+(examples?|voorbeelden|cases)\b |
    \b(which|what|welke)\s+(\w+\s+)?(companies|firms|bedrijven|businesses|employers)\s+(has|have|did|heeft|hebben)\b | \bpaid\s+(for\s+)?by\s+(the\s+)?(eu|european|europe|brussels|commission|interreg|programme|program)\b |
    \bbetaald\s+(door|uit)\s+(de\s+|het\s+)?(eu|europa|europese|brussel|commissie|interreg|programma)\b | \bco-?financ\w* | \bcofinanc\w* |
    \b(which|what|welke)\s+([\w-]+\s+){0,2}(sectors?|sectoren|industries|branches|branche)\b[^?.!]*
        \b(exactly|specifically|precisely|concretely|precies|concreet|count\w*\s+as|counted\s+as|fall\s+under|vallen\s+onder)\b |
    \bnames?\s+of\s+(the\s+|those\s+|these\s+)?(\w+\s+){0,2}(universit\w*|colleges?|hogescholen|companies|firms|bedrijven|institutions|instellingen|schools?)\b |
    \b(solar\s*park|solar\s+farm|zonnepark|company|firm|station|bedrijf)\b[^?.!]*\b(called|named|heet|genoemd)\b |
    \b(what|how)\s+do\s+(the\s+)?(people|residents|locals|inhabitants|citizens|groningers|students|drivers)\b[^?.!]*\b(think|feel)\b |
    \bdo\s+(they|people|residents|locals|groningers)\s+(actually\s+|really\s+)?(like|love|hate|mind)\s+(it|them|that)\b |
    \bwat\s+vinden\s+(de\s+)?(mensen|inwoners|groningers|bewoners|studenten)\b |
    \b(welke|which|what)\s+(\w+\s+){0,2}(bedrijven|companies|firms|employers|werkgevers)\b[^?.!]*\b(hire|hires|hiring|employ|employs|recruit\w*|nemen\b[^?.!]*\baan|aannemen|zoeken)\b |
    \bdo\s+(you|i|we|they|newcomers|people|internationals)\s+(have\s+to\s+|need\s+to\s+)?pay\b |
    \bwho\s+(set|sets|founded|established|started|created|opened|initiated)\s+(up\s+)?(the\s+|that\s+|this\s+)?(international\s+)?(welcome|iwcn|centre|center|desk)\b |
    \bwie\s+(heeft|hebben|richtte|richtten)\b[^?.!]*\b(welcome|iwcn|centrum)\b[^?.!]*\b(opgericht|op)\b | \bpay\s+for\s+(it|that|this|the\s+(service|services|help))\b |
    \b(service|services|help|support)\s+(is\s+|are\s+)?(free|paid)\b |
    \bwho\s+(actually\s+)?runs\s+(the\s+|that\s+|this\s+)?(international\s+)?(welcome|iwcn|centre|center|desk)\b |
    \b(maak|maken|plan|boek)\s+(ik|je|we|u|jullie)\s+(een\s+)?afspraak\b | \bafspraak\s+(bij|met)\s+(het|de|the|iwcn|international)\b |
    \b(yearly|annual|jaarlijkse?|regular|regelmatige?)\s+(events?|visits?|meetings?|exchanges?|festivals?|evenementen|bezoeken|ontmoetingen)\b |
    \borgani[sz]e[sd]?\s+(\w+\s+){0,3}(events?|visits?|trips?|meetings?|exchanges?)\b | \borganiseer\w*\s+(\w+\s+){0,3}(evenementen|bezoeken|reizen|uitwisseling\w*)\b |
    \bin\s+(my|our)\s+(street|neighbou?rhood|area|district)\b | \bin\s+(mijn|onze)\s+(straat|buurt|wijk)\b
""", re.VERBOSE | re.IGNORECASE)

# What may surround a new subject in a follow-up such as "and Murmansk?" or
# "what about in China": a marker first, then at most a few filler words.
_FOLLOW_UP_MARKERS = frozenset("and what how also same en wat hoe ook idem".split())
_FOLLOW_UP_FILLER = _FOLLOW_UP_MARKERS | frozenset("""
    about with for in from the of then too so same question one ones partner partners city way as well
    en met van over de het dan voor bij zit uit die manier wijze zelfde hetzelfde
""".split())
_QUESTION_WORDS = frozenset("which who what is are was were welke wie wat is zijn was waren one ones".split())
# "and the rest of them?": the previous question again, about what was left out.
_REST_WORDS = frozenset("rest others other remaining them ones overige andere anderen rest else nog".split())
# Words that point back at what was said before.
_POINTING_BACK = re.compile(r"\b(it|its|that|this|those|these|them|they|their|there|het|dat|deze|die|ze|hun|daar|ervan)\b",
                            re.IGNORECASE)

_COUNT = re.compile(r"\b(how\s+many|number\s+of|hoeveel|aantal)\b", re.IGNORECASE)
# "for real (not the dormant ones)": the ties Groningen keeps up actively.
_ACTIVE = re.compile(r"\b(active(ly)?|actief|actieve|for\s+real|really\s+(keeps?|maintains?)|"
                     r"not\s+(just\s+)?(the\s+)?(dormant|inactive|sleeping|passive)|slapende)\b", re.IGNORECASE)


_SINCE_WHEN = re.compile(r"\b(since\s+when|since\s+what\s+year|sinds\s+wanneer|sinds\s+welk\s+jaar)\b", re.IGNORECASE)


def asks_since_when(text: str) -> bool:
    return bool(_SINCE_WHEN.search(text))


# "My councillor has asked me ...", "The alderman would like to know ...": who asks, not what is asked.
_ASKER = re.compile(r"\b(my|our|the|mijn|onze|de)\s+(councillors?|alderm[ae]n|alderwoman|wethouders?|mayor|burgemeester|boss|manager|"
                    r"supervisor|director|directeur|baas)\s+(has\s+|had\s+|heeft\s+)?(asked|would\s+like\s+to\s+know|wants\s+to\s+know|"
                    r"wonders|vroeg|wil\s+weten|gevraagd)\b|"
                    # "As a council member I'd like ...", "council member here -": who writes
                    r"\b(as\s+an?|i'?m\s+an?|i\s+am\s+an?|als)\s+(\w+\s+)?(council\s+member|councillor|raadslid|gemeenteraadslid)\b|"
                    r"\b(council\s+member|councillor|raadslid)\s+here\b", re.IGNORECASE)


def asks_unlisted_fact(text: str) -> bool:
    text = fold(_ASKER.sub(" ", text))
    return bool(_UNLISTED_FACT.search(text)) or asks_since_when(text)


def is_follow_up_fragment(text: str, mentions: Sequence[Mention]) -> bool:
    """True when the message is only a new subject plus filler words."""
    if not mentions:
        return False
    rest = text
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:mention.start] + " " + rest[mention.end:]
    words = tokens(rest)
    if not words:
        return True
    if words[0] in ("and", "en"):
        # "and which one is French?" / "en welke is de franse?": question words may follow "and".
        allowed = _FOLLOW_UP_FILLER | _QUESTION_WORDS
        return len(words) <= 6 and all(w in allowed for w in words)
    return words[0] in _FOLLOW_UP_MARKERS and len(words) <= 4 and all(w in _FOLLOW_UP_FILLER for w in words)


# Said before a follow-up without changing it: "ok and the others?"
_INTERJECTIONS = frozenset("ok okay oke oké so right alright oh ah cool thanks great nice hmm".split())
# "and what happens with the rest of them?" asks nothing new either.
_REST_FILLER = frozenset("happens happened happen going on is are do does with about those these handled dealt treated kept maintained managed "
                         "how deal deals handle handles treat treats keep keeps maintain maintains manage manages "
                         "the relation relations relationship relationships work works link links tie ties".split())


def asks_for_the_rest(text: str) -> bool:
    words = tokens(text)
    while words and words[0] in _INTERJECTIONS:
        words = words[1:]
    if words[:1] in (["who"], ["wie"]) and words[1:] in (["else"], ["nog"], ["nog", "meer"], ["anders"]):
        return True  # "who else?"
    return (0 < len(words) <= 14 and words[0] in _FOLLOW_UP_MARKERS
            and any(w in _REST_WORDS for w in words)
            and all(w in _FOLLOW_UP_FILLER or w in _REST_WORDS or w in _REST_FILLER for w in words))


_THE_WRITER = re.compile(r"\b(i|i'm|im|me|my|we|we're|us|our|ik|mij|mijn|wij|we|ons|onze)\b", re.IGNORECASE)


_THE_WRITERS_SIDE = re.compile(r"\b(we|we're|us|our|ours|wij|ons|onze|my|mijn|i'm|im|i\s+am|ik\s+ben)\b", re.IGNORECASE)


def speaks_of_the_writers_side(text: str) -> bool:
    """'are we in HECTOR?', 'is my city a partner?': the subject is the writer's own (from the story)."""
    return bool(_THE_WRITERS_SIDE.search(text))


def speaks_of_the_writer(text: str) -> bool:
    """'Are we listed as a partner?': the question is about the one who writes."""
    return bool(_THE_WRITER.search(text))


def points_back(text: str) -> bool:
    return bool(_POINTING_BACK.search(text))


_ACTIVE_OR_NOT = re.compile(r"\b(active|actief)\s+(or|of)\s+(not|niet|inactive|passive|reactive|reactief)\b|"
                            r"\b(in\s+total|in\s+totaal|all\s+together|altogether|alles\s+bij\s+elkaar)\b", re.IGNORECASE)


def asks_about_active_ties(text: str) -> bool:
    """'which ties are kept up actively?'; not 'how many in total, active or not?'."""
    return bool(_ACTIVE.search(text)) and not _ACTIVE_OR_NOT.search(text)


def asks_count(text: str) -> bool:
    return bool(_COUNT.search(text))


# What the page counts: partners, cities, countries, projects, vehicles, years.
_COUNTABLE = re.compile(r"(partners?|cit(y|ies)|steden|stad|countr(y|ies)|landen|land|projects?|projecten|"
                        r"programmes?|programs?|programma'?s|vehicles?|voertuigen|trucks?|lorr(y|ies)|vans?|cars?|"
                        r"auto\w*|busjes?|vrachtwagens?|vuilniswagens?|wagens?|refuel\w*|filling|vulpunt\w*|points?|"
                        r"organi[sz]ations?|organisaties|members?|leden|aims?|goals?|doelen|years?|jaar|jaren|"
                        r"municipalit(y|ies)|gemeenten|universit(y|ies)|ties|links|relations(hips)?|stations?|ones?)$")
_COUNT_FILLER = frozenset("""
    of the a an are is were was there do does did in at by for to it its they them these those
    will would can could end ends go goes come comes get gets stay stays remain remains
    de het een er zijn is waren van in bij voor ze die deze dat
    gaat gaan zal zullen wordt worden krijgt krijgen komt komen
""".split())


# "how many" that asks, not "surprised how many foreigners there are": at the
# start of the message or of a clause.
_CLAUSE_START = re.compile(r"(^|[.?!,;:(]|\b(and|but|so|ok|okay|also|en|maar|dus|ook|roughly|approximately|about|around|"
                           r"exactly|ongeveer|precies|ruwweg|zo'n))\s*$", re.IGNORECASE)


def asks_count_of_something_else(text: str) -> bool:
    """'how many international students ...': a number of something the page never counts."""
    match = _COUNT.search(text)
    if not match or not _CLAUSE_START.search(text[:match.start()]):
        return False
    # The words right after "how many", up to the first small word: "how many
    # hydrogen buses drive ..." -> hydrogen, buses; "how many in Germany" -> none.
    following = []
    for word in tokens(text[match.end():])[:4]:
        if word in _COUNT_FILLER:
            break
        following.append(word)
    # A Dutch compound ends in what it counts: waterstofvoertuigen.
    return bool(following) and not any(_COUNTABLE.search(w) for w in following)


_WHEN = re.compile(r"\b(when|wanneer|what\s+year|which\s+year|welk\s+jaar)\b", re.IGNORECASE)
_VEHICLE_OR_STATION = re.compile(r"\b(trucks?|lorr(y|ies)|vehicles?|cars?|vans?|buses|station|filling\s+point|"
                                 r"refuel\w*\s+point|vulpunt|\w*wagens?|\w*voertuigen|auto'?s)\b", re.IGNORECASE)
_PERIOD_WORDS = re.compile(r"\b(run|runs|running|end|ends|last|lasts|period|duration|looptijd|loopt|eindigt|start\s+and|"
                           r"time\s*frame|time\s*span|time\s*line|tijdsbestek|tijdpad|wraps?\s+up|wrapping\s+up|finish\w*|hoelang|"
                           r"conclude[sd]?|afgerond|afloopt|"
                           r"until|till|goes|go\s+on|how\s+long|tot\s+wanneer|hoe\s+lang)\b|"
                           r"\b(project|projects|projecten)\b[^?.!]*\b(start|starts|started|begin|began|begins|begon|gestart)\b|"
                           r"\b(start\w*|began|begin\w*|begon|gestart|kick\w*\s+off|launch\w*|ended|stopped)\b[^?.!]*\b(19|20)\d\d\b",
                           re.IGNORECASE)


# "in total", "across all the partners", "in the whole HECTOR project": the project as a whole.
_PROJECT_WIDE = (r"in\s+total|altogether|all\s+together|overall|in\s+all|across\s+(all|the\s+whole|every|the\s+project)|"
                 r"all\s+(the\s+)?partners|whole\s+(\w+\s+)?project|all\s+(the\s+)?(partner\s+)?countries|"
                 r"alle\s+partners|in\s+totaal|alles\s+bij\s+elkaar")
_PROJECT_WIDE_WORDS = re.compile(rf"\b({_PROJECT_WIDE})\b", re.IGNORECASE)


def asks_project_wide_count(text: str) -> bool:
    """'how many vehicles does HyTrEc2 put on the road in total?': the whole project's number (not
    'how many organisations are partners in hytrec2 altogether?', which its list of partners gives)."""
    return bool(_COUNT.search(text) and _PROJECT_WIDE_WORDS.search(text)) and not counts_organisations(text)


# "in each of the two projects", "in beide projecten": every project, whatever a keyword points at.
_EVERY_PROJECT = re.compile(r"\b(both|each\s+of\s+the\s+(two|2)|the\s+(two|2)|beide|allebei\s+de|elk\s+van\s+de\s+(twee|2)|"
                            r"de\s+(twee|2)|all\s+(the\s+)?)\s+([\w-]+\s+){0,2}(projects|projecten)\b", re.IGNORECASE)


def means_every_project(text: str) -> bool:
    return bool(_EVERY_PROJECT.search(text))


def mentions_vehicles(text: str) -> bool:
    return bool(_VEHICLE_OR_STATION.search(text) or re.search(r"\b(fleet|vloot)\b", text, re.IGNORECASE))


def asks_when_about_vehicles(text: str) -> bool:
    """'when did the hydrogen truck start collecting?': the page dates projects, never their vehicles."""
    return bool(_WHEN.search(text) and _VEHICLE_OR_STATION.search(text) and not _PERIOD_WORDS.search(text))


# Everyday questions of newcomers that the page never covers, whatever else they
# mention: read as out of scope unless something on the page is named.
_EVERYDAY = re.compile(r"""
    \b(rain\w*|weather|forecast|sunny|snow\w*|temperature|regen\w*|weerbericht) \b |
    \b(find|finding|looking\s+for|search\w*\s+for|get)\s+(a\s+|an\s+)?(job|work|vacanc\w*)\b | \bjob[\s-]*(search\w*|hunting|market|seeking)\b | \b(partners?|spouses?|husbands?|wives|wife)\s+of\b[^?.!]*\b(jobs?|work|employ\w*)\b |
    \bvacatures?\b | \bwerk\s+(vinden|zoeken) | \bbaan\s+(vinden|zoeken) |
    \b(room|apartment|flat|studio|house|housing|rent|huur\w*|kamer|woning)\b |
    \b(bsn|digid|residence\s+permit|visa|verblijfsvergunning|ind)\b | \b(bank\s+account|bankrekening|insurance|verzekering\w*)\b |
    \b(doctor|gp|huisarts|dentist|tandarts|hospital|ziekenhuis)\b | \b(tax(es)?|belasting\w*|toeslag\w*)\b |
    \b(school|schools)\b(?!\s+(project|assignment|paper|presentation|essay|werkstuk)) | \b(daycare|kinderopvang|childcare)\b | \b(bus|train)\s+(ticket|times|schedule)\b | \bparking\b |
    \b(events?|festivals?|concerts?|koningsdag|king'?s\s*day|party|parties|nightlife)\b | \b30\s*%|\b30\s*(procent|percent)\b |
    \bov[\s-]?chip\w* | \bpublic\s+transport | \bopenbaar\s+vervoer | \b(bikes?|bicycles?|fiets\w*|cycling)\b |
    \b(dutch|language)\s+(course|class|lesson)s? | \btaalcursus | \binburger\w* | \bsports?\s+clubs? | \bgym\b |
    \bsupermarkets? | \bgroceries | \bvacanc\w* | \bjob\s+openings? | \bjobs?\s+for\b |
    \b(nicer|better|worse|cheaper|safer|friendlier|leuker|mooier|goedkoper)\b[^?.!]{0,30}\b(than|dan)\b |
    \bwould\s+you\s+recommend | \b(bin|bins|container|kliko|garbage\s+collection|waste\s+collection|rubbish)\b[^?.!]*
        \b(day|days|emptied|collected|schedule|dag|opgehaald|geleegd)\b | \b(football|soccer|champions\s+league|voetbal|eredivisie)\b | \bwho\s+won\b | \bdriving\s+licen[cs]e | \brijbewijs | \bpension | \bsalary | \bsalaris | \bvot(e|ing)\b | \belections?\b | \bverkiezing\w* |
    \bdiplomas?\b | \bcertif(y|ied|ies|icates?)\b | \blegali[sz]\w* |
    \btranslat\w*\s+(of\s+)?(my|her|his|our|their|a|the)?\s*(documents?|diplomas?|papers|certificates?) |
    \bmeet-?ups?\b | \bmake\s+(new\s+)?friends\b | \bvrienden\s+maken\b | \bsocial\s+(groups?|clubs?|life|activities|events)\b |
    \b(expat|international|internationale)\s+(women|vrouwen|moms|mums|moeders|parents|ouders|clubs?|community|communities)\b
""", re.VERBOSE | re.IGNORECASE)


def asks_everyday_matter(text: str) -> bool:
    return bool(_EVERYDAY.search(text))


# "who can help us settle in?": what the Welcome Centre is there for.
_SETTLING_HELP = re.compile(r"""
    \bsettl(e|ing|ed)\b |
    \b(support|help|services?|assistance)\s+(does|do|can|will)\s+(the\s+)?(city|municipality|gemeente|groningen)\s+(offer|give|provide)\w*\b
        [^?.!]*\b(staff|newcomers?|employees|internationals|knowledge\s+workers|researchers|students|people|expats)\b | \bmov(e|ing)\s+(here|there|to\s+groningen)\b.*\b(easier|help|smooth) |
    \b(easier|smoother|less\s+painful)\b.*\b(mov|relocat|settl|arriv) |
    \b(mov(e|es|ing)|relocat\w*|settl\w*|arriv\w*)\b[^?.!]*\b(easier|smoother|simpler|less\s+painful)\b | \b(relocat\w+|arriv\w+)\b.*\b(help|support|easier|turn\s+to) |
    \b(office|organi[sz]ation|service|desk|centre|center|place|someone|anyone|loket)\s+(for|voor|that\s+helps|who\s+helps|die\s+helpt)\s+
        (\w+\s+){0,2}(newcomers|new\s+arrivals|internationals|expats?|migrants|families|people\s+from\s+abroad|knowledge\s+workers) |
    \b(expats?|internationals|newcomers|nieuwkomers|kennismigrant\w*|kenniswerker\w*)\b[^?.!]*\b(terecht|loket|hulp|wennen|go\s+to|turn\s+to)\b |
    \bestablish\w*\s+themselves\b | \bsettle\s+in\b |
    \b(support|help|assistance|hulp|ondersteuning)\b[^?.!]*\b(newly\s+arriv\w*|new\s+arrivals?|arriving|newcomers?|
        new\s+(knowledge\s+)?workers|nieuwkomers|net\s+aangekomen) |
    \bwegwijs | \bzich\s+(te\s+)?vestigen |
    \b(ze|zij|we|wij|hij|collega'?s|medewerkers|werknemers|kenniswerkers|onderzoekers|promovendi|gezin)\s+(\w+\s+){0,2}zich\s+(\w+\s+){0,3}vestigen\b |
    \b(is\s+there|are\s+there|is\s+er|zijn\s+er|any|some|a|een|iets)\s+(\w+\s+){0,2}(welcome|expat|newcomers?)\s+(desk|office|point|loket|centre|center)\b | \b(doorverwijzen|verwijzen|refer|send)\b[^?.!]*\b(newcomers|nieuwkomers|new\s+(international\s+|foreign\s+)?(colleagues|staff|employees|hires)|
        nieuwe\s+(\w+\s+)?(collega'?s|medewerkers|werknemers)|internationals|expats)\b | \b(place|office|someone|anyone|somebody|organi[sz]ation)\b[^?.!]*\bpeople\s+like\s+(me|us)\b |
    \bhelps?\b[^?.!]*\b(first\s+steps|land|landing)\b | \bop\s+weg\s+(te\s+)?help\w* | \bsoepeler\b |
    \bwaar\s+(kan|kunnen)\s+(hij|zij|ze|ik|we|wij|mijn\s+\w+)\s+terecht\b[^?.!]*\b(landen|wennen|vestigen|settelen|goed\s+te\s+starten|starten)\b |
    \b(buitenlandse\s+\w+|buitenlanders|werknemers\s+uit\s+het\s+buitenland)\b[^?.!]*\b(terecht|loket|wennen)\b |
    \b(plek|plaats|loket|instantie)\b[^?.!]*\b(terecht\s+kunnen|terecht\s+kan)\b |
    \b(desk|office|loket|centre|center|organi[sz]ation|service|point)\b[^?.!]*\b(for|voor)\s+(people|those|mensen|expats|internationals|newcomers)\s+
        (who|that|die)\s+(\w+\s+)?(move|moving|come|coming|arrive|arriving|relocate|relocating|verhuizen|komen)\b | \bsettelen | \bhelp\b.*\b(newcomers?|expats?|internationals?|kennismigrant\w*)\b
""", re.VERBOSE | re.IGNORECASE)


def asks_help_settling_in(text: str) -> bool:
    return bool(_SETTLING_HELP.search(text))


def asks_for_settling_in_help(text: str) -> bool:
    """Help settling in (the Welcome Centre's work), not with housing, a doctor and the like."""
    return asks_help_settling_in(text) and not asks_everyday_matter(text)


_LOCATION = re.compile(r"\b(where\b|which\s+country|what\s+country|in\s+which\s+land|welk\s+land|waar\s+(ligt|is|zit)|located|gelegen)",
                       re.IGNORECASE)


def asks_location(text: str) -> bool:
    return bool(_LOCATION.search(text))


_WHICH_COUNTRY = re.compile(r"\b(which|what)\s+country\b|\bin\s+which\s+land\b|\bwelk\s+land\b", re.IGNORECASE)


_WHERE_THAT_IS = re.compile(r"\bwhere\s+(is|are|'s)\s+(that|it|this|they|those)\b|\bwhere('s|\s+is)\s+(that|it)\s+(located|again)\b|"
                            r"\bwaar\s+(ligt|liggen|is|zit)\s+(dat|het|die|dit)\b", re.IGNORECASE)


def asks_where_that_is(text: str) -> bool:
    """'moermansk where is that': the place just named, not a street or a room."""
    return bool(_WHERE_THAT_IS.search(text))


def asks_which_country(text: str) -> bool:
    """'murmansk which country': only the country, not 'where' (which may be a street or a room)."""
    return bool(_WHICH_COUNTRY.search(text))


# Names that look like a project or programme but are none of ours:
# an acronym ("JIVE"), or Interreg followed by a strand we do not know.
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{2,}[a-z]?\d?\b")
_INTERREG_STRAND = re.compile(r"\binterreg\s+([a-z][a-z-]+)", re.IGNORECASE)
_GENERIC_AFTER_INTERREG = frozenset("""
    programme programmes program programs programma project projects projecten and or is are was the a
    in of for en de het money funding funds subsidy subsidie itself stuff thing things
""".split())
# Acronyms of everyday and working life, which name no project or network the page passes over.
_COMMON_ACRONYMS = frozenset("""EU EUR CO2 UK USA NL VK BSN IND GP UMCG RUG DUO IBAN KVK IWCN NSR NWE WHO PHD IT AI
    FAQ FAQS CEO CV HR PDF ASAP FYI BTW TBH LOL OMG IMO NGO HQ ICT SME SMES MKB ZZP ETA AKA MSC BSC MBA PR""".split())


# "the Horizon Europe projects", "het project H2Share": a name with project or programme.
_NAMED_PROJECT = re.compile(
    r"\b([A-Z][\w-]*\d*(?:\s+[A-Z][\w-]*)?)\s+(?:projects?|programmes?|programs?|programma'?s?|projecten)\b"
    r"|\b(?:project|programme|program|programma)\s+([A-Z][\w-]*\d*|[a-z]+\d[\w-]*)")
_NOT_A_PROJECT_NAME = frozenset("""
    EU European Europe Europese Europees Interreg The This That Which What Groningen Dutch Hydrogen Waterstof Welke Het De Een
    German Chinese Duitse Chinese Nederlandse Dutch International Internationale
    Both All Any Other Another Our Your Their These Those City Municipality Gemeente
    Welk Wat Dit Dat Deze Die Elk Ons Onze Jullie Hun Gronings Groningse Groninger Whose Each Every My His Her
    A An Is Are Does Do Can Zit Valt Hoe Waar Wie Which
""".split())


# European funding programmes that newcomers name and that the page does not.
_EU_PROGRAMME_NAMES = re.compile(r"\b(horizon\s*(2020|europe)|erasmus\s*\+?|creative\s+europe|life\s+programme|"
                                 r"marie\s+curie|msca|cost\s+action|leader\s+programme|digital\s+europe|"
                                 r"connecting\s+europe|urbact|eurostars|european\s+research\s+council|erc\s+grant)",
                                 re.IGNORECASE)


# "Making-City", "SmartCity": a name of a project, written as one.
_COMPOUND_NAME = re.compile(r"\b[A-Z][a-z]+-[A-Z][a-z]+\b|\b[A-Z][a-z]{2,}[A-Z][a-z]{2,}\b")


def unknown_names(text: str, known: Sequence[Mention], within: Sequence[tuple] = ()) -> list:
    """Acronyms and Interreg strands in the text that are not known names; only those inside the
    `within` spans, when given (the question, not the story around it)."""
    def outside(start: int, mentions: Sequence[Mention]) -> bool:
        return (not any(m.start <= start < m.end for m in mentions)
                and (not within or any(a <= start < b for a, b in within)))

    from bot.unfamiliar_names import is_stop_word  # the word lists load on first use

    programmes = [m for m in known if m.kind == "programme"]
    # A small word in capitals is emphasis, not an acronym: "the ones that are NOT German".
    found = [m.group() for m in _ACRONYM.finditer(text)
             if outside(m.start(), known) and m.group().rstrip("0123456789").upper() not in _COMMON_ACRONYMS
             and not is_stop_word(m.group())]
    found += [m.group() for m in _INTERREG_STRAND.finditer(text)
              if outside(m.start(1), programmes) and m.group(1).lower() not in _GENERIC_AFTER_INTERREG]
    found += [m.group().strip() for m in _EU_PROGRAMME_NAMES.finditer(text)
              if outside(m.start(), ()) and m.group().strip() not in found]
    found += [m.group() for m in _COMPOUND_NAME.finditer(text) if outside(m.start(), known) and m.group() not in found]
    for m in _NAMED_PROJECT.finditer(text):
        group = 1 if m.group(1) else 2
        name = m.group(group)
        first = name.split()[0].split("-")[0]  # "EU-funded projects" names no project
        if outside(m.start(group), known) and first not in _NOT_A_PROJECT_NAME and name not in found:
            found.append(name)
    return found


_SHARED = re.compile(r"\b(both|in\s+common|beide|allebei|gemeenschappelijk|shows?\s+up\s+in\s+(both|each)|in\s+each)\b",
                     re.IGNORECASE)


def asks_shared(text: str) -> bool:
    """'Which partners are in both projects?'"""
    return bool(_SHARED.search(text))


_PROJECT_WORDS = re.compile(r"\b(projects?|projecten|hydrogen|waterstof\w*|vehicles?|\w*voertuigen|trucks?|cars?|auto'?s|"
                            r"refuel\w*|filling|\w*(vulpunt|tankpunt|tankstation)|interreg|eu|european|europese?)\b",
                            re.IGNORECASE)


def mentions_the_projects(text: str) -> bool:
    """'how many vehicles does the city buy': about the projects, though none is named."""
    return bool(_PROJECT_WORDS.search(text))


_OTHER = re.compile(r"\b(other|another|andere|ander)\s+(\w+\s+)?(project|projects|projecten|one|programme|program|programma)\b",
                    re.IGNORECASE)


def asks_about_the_other(text: str) -> bool:
    """'what about the other project?'"""
    return bool(_OTHER.search(text))


def is_short(text: str) -> bool:
    """A follow-up of a few words."""
    return len(tokens(text)) <= 8


def is_long(text: str) -> bool:
    """A message long enough that talk around the question can drown it."""
    return len(tokens(text)) > 25


# "is Lyon a partner city?": the name asked about, when it is none we know.
_ASKED_CITY = re.compile(
    r"\b(?:is|are|ist)\s+([A-Za-z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+(?:also\s+|ook\s+|by\s+any\s+chance\s+)?"
    r"(?:a|an|one\s+of|een|one)\b[^?.!]*\b(partner|twin|sister|partnerstad|zusterstad|stedenband)", re.IGNORECASE)
_NOT_A_CITY = frozenset("""there it that this groningen which what any the er het dat dit toch nou echt wel dan nog
    eigenlijk really actually still also even ook misschien maybe perhaps indeed""".split())


# "some kind of link with Leeds?": a tie with a named city.
_TIE_WITH_CITY = re.compile(r"\b(?:link|links|tie|ties|connection|relationship|partnership|twinning|band|stedenband)\s+"
                            r"(?:with|to|met)\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")


_BARE_FOLLOW_UP_NAME = re.compile(r"^\W*(?:and|en|what\s+about|how\s+about|en\s+hoe\s+zit\s+het\s+met|wat\s+dacht\s+je\s+van)\s+"
                                  r"([A-Za-z][\w'-]+(?:\s+[A-Za-z][\w'-]+)?)\s*\??\s*$", re.IGNORECASE)


def bare_follow_up_name(text: str) -> Optional[str]:
    """'and tallinn?': the one word or two a follow-up names."""
    match = _BARE_FOLLOW_UP_NAME.match(text)
    return match.group(1) if match and match.group(1).split()[0].lower() not in _NOT_A_CITY else None


def asked_city(text: str) -> Optional[tuple]:
    """(name, start) of the city a yes/no partner-city question asks about."""
    match = _ASKED_CITY.search(text) or _TIE_WITH_CITY.search(text)
    if not match or match.group(1).split()[0].lower() in _NOT_A_CITY:
        return None
    return match.group(1), match.start(1)


_COUNTRIES_WORD = re.compile(r"\b(countries|landen)\b", re.IGNORECASE)


def in_brackets_right_after(text_after: str, name: str) -> bool:
    """' (xian) nou actief': the name follows in brackets, as a gloss of the word before."""
    return bool(re.match(r"\s*\(\s*" + re.escape(name) + r"\s*\)", text_after, re.IGNORECASE))


def asks_about_countries(text: str) -> bool:
    return bool(_COUNTRIES_WORD.search(text))


_COUNT_OF_COUNTRIES = re.compile(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twee|drie|vier|vijf|zes|zeven|"
                                 r"acht|negen|tien)\s+(\w+\s+)?(countries|landen)\b", re.IGNORECASE)


def states_a_count_of_countries(text: str) -> bool:
    """'the seven countries around the North Sea' (a knowledge-base text that counts them)."""
    return bool(_COUNT_OF_COUNTRIES.search(text))


# What someone does in a project: "what is RISE actually doing within HyTrEc2?", "wat is hun taak?"
_WHAT_SOMEONE_DOES = re.compile(r"""
    \b(what|wat)\s+(is|are|exactly|precisely|actually|precies|eigenlijk)?\s*(\w+\s+){0,8}?(doing|do|does|doet|doen|contribut\w*|bring|brings|brengt|brengen)
        \b[^?.!]*\b(within|in|inside|binnen|bij|for|voor|aan|to)\b |
    \b(role|roles|rol|rollen|taak|taken|task|tasks|job|responsibilit\w*|verantwoordelijk\w*|contribution|bijdrage|(their|its|hun|zijn)\s+part\s+in)\b |
    \b\w*beleid\b | \bpolic(y|ies)\b | \bstrateg(y|ies|ie)\b | \bplans\b | \bplannen\b
""", re.VERBOSE | re.IGNORECASE)


def asks_what_someone_does(text: str) -> bool:
    return bool(_WHAT_SOMEONE_DOES.search(text))


_WHICH_COUNTRIES = re.compile(r"\b(which|what|welke|name|list|noem)\b[^?.!]*\b(countries|landen)\b|"
                              r"\b(countries|landen)\b[^?.!]*\b(name|list|noem|opnoemen)\s+(them|those|these|ze|die|deze)\b",
                              re.IGNORECASE)


def asks_which_countries(text: str) -> bool:
    """'which countries take part?' (not 'is it about countries working together?')"""
    return bool(_WHICH_COUNTRIES.search(text))


_FULL_NAME = re.compile(r"\b(stand|stands)\s+for\b|\bshort\s+for\b|\bkort\s+voor\b|\bacronym|\babbreviation|\bafkorting|\bstaat\b.*\bvoor\b|"
                        r"\bfull\s+(name|title)|\bofficial\s+(name|title)|\bvolledige\s+(naam|titel)|\bwhat\s+does\s+(the\s+name\s+)?\w+\s+mean\b|"
                        r"\bwaar\s+staat\b", re.IGNORECASE)


def asks_full_name(text: str) -> bool:
    """'What does HECTOR stand for?'"""
    return bool(_FULL_NAME.search(text))


def only_names(text: str, mentions: Sequence[Mention]) -> bool:
    """'Hamburgo?': nothing but one or more names."""
    if not mentions:
        return False
    rest = text
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:mention.start] + " " + rest[mention.end:]
    return not tokens(rest)


# "whats hector? saw the name on a poster": a sentence that asks only what a name is.
_WHAT_IS_BEFORE = re.compile(r"(^|[.?!\n])\s*((so|and|ok|okay|hi|hey|hello|en|dus)\W+)*"
                             r"(what|who|wat|wie)\s*('?s|\s+is|\s+are|\s+was|\s+zijn|\s+exactly\s+is|\s+is\s+dat)?"
                             r"(\s+(the|de|het|this|that|dit|dat|dat\s+hele))?\s*$", re.IGNORECASE)
_WHAT_IS_AFTER = re.compile(r"^\s*(exactly|actually|precies|eigenlijk|then|dan|about|again)?\s*(\?|!|\.|$)", re.IGNORECASE)


# "... told me about some 'welcome centre north'. What it is?": the question points back at the one name.
_WHAT_IS_IT = re.compile(r"(^|[.?!\n])\s*((so|and|ok|okay|but|en|maar|dus)\W+)*(what|wat)\s*('?s\s+(it|that|this)|\s+(is\s+)?(it|that|this)"
                         r"(\s+is)?|\s+is\s+(dat|het|dit)|\s+(dat|het|dit)\s+is)\s*(exactly|actually|precies|eigenlijk|then|dan)?"
                         r"\s*(\?+|!|\.|$)\s*$", re.IGNORECASE)


def asks_what_a_name_is(text: str, mentions: Sequence[Mention]) -> bool:
    """'whats HECTOR? saw the name at the station': a sentence asking only what a known name is;
    or a last sentence asking what "it" is, after a message that names one thing."""
    if len({m.id for m in mentions}) == 1 and _WHAT_IS_IT.search(text):
        return True
    return any(_WHAT_IS_BEFORE.search(text[:m.start]) and _WHAT_IS_AFTER.match(text[m.end:]) for m in mentions)


_OTHERS = re.compile(r"\b(else|other|others|more|another|nog\s+meer|andere|overige|ook\s+nog)\b", re.IGNORECASE)


def asks_for_others(text: str) -> bool:
    """'who else in Germany?', 'any other Chinese ones?'"""
    return bool(_OTHERS.search(text))


# Questions that the classifier tends to read as another topic.
_EU_MONEY_OR_MOTIVE = re.compile(r"""
    \b(eu|europe|european\s+(union|commission)|brussels|europa|europese\s+(unie|commissie))\b[^?.!]*
        \b(pay|pays|paying|money|fund|funds|co-?financ\w*|subsid\w*|betaal\w*|geld|middelen|help|helps|helpt)\b |
    \bwhy\b[^?.!]*\b(bother|join|take\s+part|participat\w*|do(ing)?|does|did)\b[^?.!]*\b(eu|european|europese)\s+projects? |
    \b(what'?s|what\s+is)\s+in\s+it\s+for\b[^?.!]*\b(eu|european)\b | \b(eu|european)\s+projects?\b[^?.!]*\bwhat'?s\s+in\s+it |
    \bwaarom\b[^?.!]*\beuropese\s+projecten |
    \b(where|how)\s+(does|do)\s+(the\s+)?(eu|europe|european\s+union)\s+(come\s+in|fit\s+in)\b |
    \b(europese\s+unie|eu|europa|europe|european\s+union)\b[^?.!]*\b(speelt|speel|plays?|playing)\b[^?.!]*\b(rol|role)\b |
    \b(role|rol)\s+(of|van)\s+(the\s+|de\s+)?(eu|europe|europa|european\s+union|europese\s+unie)\b(?![^?.!]*\bcommission) |
    \bwaar\s+komt\s+(de\s+)?(eu|europa)\s+(om\s+de\s+hoek|in\s+beeld)\b |
    \bwat\s+(heeft|hebben)\s+(\w+\s+){0,3}(er\s*)?aan\b[^?.!]*\b(europese|eu)\b | \bwat\s+levert\b[^?.!]*\bop\b[^?.!]*\b(europese|eu)\b |
    \b(who\s+pays|wie\s+betaalt|who\s+funds|who\s+finances)\b[^?.!]*\b(eu|european|europese)\s+(projects?|projecten) |
    \b(benefit|advantage|point|voordeel|nut)\b[^?.!]*\b(eu|european|europese)\s+(projects?|projecten) |
    \b(team\w*\s+up|work\w*\s+(together\s+)?with|samenwerk\w*|met\s+wie)\b[^?.!]*
        \b(set\w*\s+up|develop\w*|ontwikkel\w*|come\s+up\s+with|coming\s+up\s+with|draw\w*\s+up|put\w*\s+together|bedenk\w*)\b[^?.!]*
        \b(eu|european|europese)\s+(projects?|projecten) |
    \b(betaalt|betalen|financiert|subsidieert|pays?|funds?|co-?financ\w*|geld|money|funding|middelen|subsid\w*)\b[^?.!]*
        \b(eu|europa|europese\s+(unie|commissie)|european\s+(union|commission)|brussel\w*)\b |
    \b(eu|europa|brussel\w*)\s+(\w+\s+)?(betaalt|betalen|meebetal\w*|financiert|pays?|funds?|chips?\s+in|contribut\w*|bijdragen|bijdraagt)\b |
    \b(role|rol|part|involved|betrokken|do|does|doet)\b[^?.!]*\b(european\s+commission|europese\s+commissie)\b |
    \b(european\s+commission|europese\s+commissie)\b[^?.!]*\b(role|rol|involved|betrokken|do|does|doet|come\s+in)\b
""", re.VERBOSE | re.IGNORECASE)


# "why is Groningen so keen on good relations with other countries?": the knowledge city's reason.
_WHY_CONTACTS_MATTER = re.compile(r"""
    \b(why|waarom)\b[^?.!]*\b(important|keen|value|values|care|cares|matter|matters|belangrijk|waarde)\b[^?.!]*
        \b(contacts?|relations?|relationships?|ties|connections|links|contacten|banden|betrekkingen)\b |
    \b(why|waarom)\b[^?.!]*\b(contacts?|relations?|relationships?|ties|connections|links|contacten|banden|betrekkingen)\b
        [^?.!]*\b(important|keen|value|matter|matters|belangrijk|waarde)\b
""", re.VERBOSE | re.IGNORECASE)


def asks_why_contacts_matter(text: str) -> bool:
    return bool(_WHY_CONTACTS_MATTER.search(text))


def asks_why_europe(text: str) -> bool:
    """'why bother with EU projects?', 'does Brussels pay for them?': the city's European policy."""
    return bool(_EU_MONEY_OR_MOTIVE.search(text))


_REFUEL = re.compile(r"\b(solar\w*|zonne\w*|fill(ing)?\s+up|refuel\w*|fuel|fuel(l)?ed|fuel(l)?ing|tank(en|ing)?|vulpunt\w*|filling\s+(point|station)|"
                     r"h2\s+station|hydrogen\s+station|tankstation|\w*tankpunt\w*|\w*vulpunt\w*|stroom\s+voor|"
                     r"electricity|stroom|powered|power\s+source|energy\s+source)\b",
                     re.IGNORECASE)


def asks_refuelling(text: str) -> bool:
    return bool(_REFUEL.search(text))


# "a place to fill them up with hydrogen?": the refuelling point itself, not hydrogen as a fuel.
_REFUELLING_PLACE = re.compile(r"""
    \b(place|spot|point|station|somewhere|plek|plaats)\s+(to|where\s+(you|they|we|one)\s+can|waar\s+(je|ze|we)|om)\s+(\w+\s+){0,2}
        (fill|refuel|tank|vullen|bijvullen|tanken)\w*\b | \bfill\s+(them|it|those|these|the\s+\w+)\s+up\b |
    \brefuel\w*\s+(point|station|spot|place)s?\b | \b(h2|hydrogen|waterstof)\s*(filling\s+)?(station|tankstation|pump)s?\b |
    \bfilling\s+(point|station)s?\b | \w*vulpunt\w* | \w*tankpunt\w* | \btankstation\w*
""", re.VERBOSE | re.IGNORECASE)


def asks_refuelling_place(text: str) -> bool:
    return bool(_REFUELLING_PLACE.search(text))


# "HECTOR is putting 6 hydrogen garbage trucks on the road, right?": a number of vehicles, to be checked.
_COUNTED_VEHICLES = re.compile(r"""
    \b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+
        ([\w-]+\s+){0,3}(vehicles?|trucks?|cars?|vans?|lorr(y|ies)|buses|voertuigen|vuilniswagens|auto'?s|busjes|vrachtwagens)\b
""", re.VERBOSE | re.IGNORECASE)


def counts_vehicles(text: str) -> bool:
    return bool(_COUNTED_VEHICLES.search(text))


_MORE_OR_FEWER = re.compile(r"\b(more|most|fewer|less|meer|meeste|minder|minst|compare[sd]?|vergeleken|vergelijk\w*)\b",
                            re.IGNORECASE)


def compares_vehicles(text: str) -> bool:
    """'which project gets more vehicles for groningen itself, hytrec2 or hector?'"""
    return bool(_MORE_OR_FEWER.search(text)) and mentions_vehicles(text)


# "is the city's investment promotion only about the city?": drawing investment in is the trade work
# (not investing in the city's own network, which is its policy).
_DRAWING_INVESTMENT = re.compile(r"""
    \b(invest\w*|investering\w*)\s+(promotion|acquisition|attraction|acquisitie|promotie)\b |
    \b(attract\w*|lure|luring|bring\w*\s+in|draw\w*\s+in|uitlokken|uit\s+te\s+lokken|aantrekken|aan\s+te\s+trekken|binnenhalen)\s+
        (\w+\s+){0,2}(invest\w*|investering\w*)\b |
    \b(foreign|international|buitenlandse|internationale)\s+(invest\w*|investering\w*)\b
""", re.VERBOSE | re.IGNORECASE)


def speaks_of_drawing_investment(text: str) -> bool:
    return bool(_DRAWING_INVESTMENT.search(text))


_BUSINESSES = re.compile(r"\b(compan(y|ies)|firms?|business(es)?|bedrijf|bedrijven|bedrijfsleven|ondernemers?|entrepreneurs?|"
                         r"employers|werkgevers)\b", re.IGNORECASE)


def names_businesses(text: str) -> bool:
    return bool(_BUSINESSES.search(text))


_VEHICLE_KINDS_OR_WHY = re.compile(r"""
    \b(kinds?|types?|sorts?|soorten?)\s+(of\s+)?(vehicles?|voertuigen|trucks?|cars?) | \b(vehicle|voertuig)\s*(types?|kinds?|soorten)\b |
    \b(what|which)\s+(vehicles|trucks|cars|vans)\b | \bwelke\s+(voertuigen|soorten) |
    \bmakes?\s+(the\s+)?most\s+sense\b | \b(normal|ordinary|passenger|regular)\s+cars?\b | \b(cars?|vans?)\s+or\s+(just\s+|only\s+)?trucks?\b |
    \b(cheaper|goedkoper|less\s+expensive)\b | \bwhy\b[^?.!]*\b(hydrogen|waterstof)\b[^?.!]*\b(matter|important|useful|good)\b |
    \bwhy\b[^?.!]*\b(care|cares|bother|interested|invest\w*|focus\w*)\b[^?.!]*\b(hydrogen|waterstof)\w*\b |
    \bwaarom\b[^?.!]*\bwaterstof\w*\b[^?.!]*\bbelangrijk |
    \b(work|works|run|runs)\s+best\b | \bbest\s+suited | \bmost\s+suit\w* | \bgeschikt |
    \b(hydrogen|waterstof)\b[^?.!]*\b(fits?|suits?|suited|good\s+for|right\s+for|makes?\s+sense\s+for)\b[^?.!]*\b(heavy|heavier|long|zwaar|zware|lange)\b |
    \bholding\b[^?.!]*\bback\b | \b(obstacles?|barriers?|in\s+the\s+way|tegenhoud\w*|drempels?) |
    \btraining\w* | \bopleiding\w* | \bteach(es|ing)?\s+(\w+\s+){0,2}(to|how)\b | \bleren\s+(werken|omgaan)\b | \bsupply\s+chains? | \b(produc\w+|making|mak\w+)\b[^?.!]*\bstor(e|ing|age)\b |
    \bopslag | \bgreen\s+hydrogen | \bgroene\s+waterstof |
    \b(are|is|zijn|zitten|horen)\s+(\w+\s+){0,2}(garbage|refuse|bin|waste|vuilnis\w*)\s*(trucks?|lorr(y|ies)|wagens?)\b[^?.!]*\b(part\s+of|also|too|ook|bij)\b |
    \b(energy|climate|klimaat|energie)\w*\s+(and\s+climate\s+|en\s+klimaat\w*\s+)?(goals?|targets?|aims?|doelstelling\w*|doelen)\b |
    \b(sustainab\w*|verduurzam\w*|duurzamer)\b[^?.!]*\b(transport|mobility|mobiliteit\w*)\b |
    \b(transport|mobility|mobiliteit\w*)\b[^?.!]*\b(sustainab\w*|verduurzam\w*|duurzamer|greener|cleaner|schoner)\b
""", re.VERBOSE | re.IGNORECASE)


def asks_vehicle_kinds_or_why_hydrogen(text: str) -> bool:
    """What the project's aims, means and background answer."""
    return bool(_VEHICLE_KINDS_OR_WHY.search(text))


_CITY_HELPS_BUSINESS = re.compile(r"""
    \bset(ting)?\s+up\s+shop\b | \bwelcome\s+(us|our\s+(company|firm|business|start-?up))\b |
    \b(municipality|gemeente|city|council|groningen)\b[^?.!]*\b(help|helps|helping|support|supports|supporting|work\w*\s+together|cooperat\w*|
        assist|assists|assisting|promot\w*|open\w*\s+doors?)\b[^?.!]*\b(business\w*|compan\w*|firms?|entrepreneurs?|bedrijv\w*|ondernemers?|export\w*|selling)\b |
    \b(business\w*|compan\w*|firms?|entrepreneurs?|bedrijv\w*|ondernemers?)\b[^?.!]*\b(municipality|gemeente|city|council)\b[^?.!]*
        \b(help|helps|support|work\w*\s+together|cooperat\w*|assist)\b |
    \b(does|do|can|will)\s+(the\s+)?(municipality|gemeente|city)\s+help\s+(with\s+)?(that|this|it)\b |
    \b(compan\w*|firms?|business\w*|employer|werkgever|\w*bedrijf\w*|subsidiary|start-?ups?|scale-?ups?)\b[^?.!]*
        \b(establish\w*|settl\w*|vestig\w*|relocat\w*|subsidiary|office|kantoor|vestiging|mov(e|es|ing)\s+(here|to\s+groningen))\b |
    \b(entrepreneurs?|ondernemers?)\b[^?.!]*\b(abroad|overseas|buitenland|foreign\s+markets?|go\s+international) |
    \bexport\w*\b | \b(office|kantoor|vestiging)\b[^?.!]*\b(compan\w*|firms?|business\w*)\b[^?.!]*\b(receive|welcome|want)\b |
    \b(receive|welcome)\s+(a\s+)?(compan\w*|firms?|business\w*)\b |
    \b(doing|do|start\w*\s+doing)\s+business\s+(in|with|abroad)\b[^?.!]*\b(city|municipality|gemeente|council)\b[^?.!]*\b(help|do\s+anything|support|assist)\b |
    \b(city|municipality|gemeente|council)\b[^?.!]*\b(do\s+anything|help)\b[^?.!]*\bbusiness\s+(in|with|abroad)\b |
    \b(open\w*|set\w*\s+up|start\w*|establish\w*)\s+(an?\s+|a\s+new\s+|our\s+|their\s+|een\s+)?
        (office|branch|subsidiary|kantoor|vestiging|filiaal)\s+(in|here|hier)\b |
    \bbedrijf\w*\b[^?.!]*\bzaken\s+(gaan\s+)?doen\b |
    \bzaken\b[^?.!]*\b(over\s+de\s+grens|in\s+het\s+buitenland)\b | \bhelp\w*\b[^?.!]*\bzaken\s+(te\s+)?doen\b | \b(over\s+de\s+grens|in\s+het\s+buitenland)\b[^?.!]*\bzaken\s+(\w+\s+)?doen\b
""", re.VERBOSE | re.IGNORECASE)


_SELLING_ABROAD = re.compile(r"\b(compan\w*|firms?|business\w*|bedrijf\w*|start-?ups?|scale-?ups?|zaak)\b[^?!]*"
                             r"\b(sell\w*\s+(to|in|abroad)|verkop\w*\s+(aan|in)|(customers|clients|klanten|markets?)\s+(in|abroad|over))|"
                             r"\b(sell\w*|verkop\w*|export\w*)\s+(\w+\s+)?(abroad|overseas|internationally|in\s+het\s+buitenland|"
                             r"to\s+other\s+countries|over\s+de\s+grens|across\s+the\s+border)\b",
                             re.IGNORECASE)
_HELP = re.compile(r"\b(help\w*|support\w*|assist\w*|ondersteun\w*)\b", re.IGNORECASE)


def tells_of_selling_abroad(text: str) -> bool:
    """'we're a small software company thinking about selling to customers in Germany'."""
    return bool(_SELLING_ABROAD.search(text))


def asks_city_help_for_business(text: str) -> bool:
    """'does the gemeente help my firm sell abroad?': international trade."""
    return bool(_CITY_HELPS_BUSINESS.search(text)) or (tells_of_selling_abroad(text) and bool(_HELP.search(text)))


# What the city's internationalisation policy says beyond its aims.
_POLICY_WORDS = re.compile(r"""
    \b(sectors?|sectoren)\b[^?.!]*\b(eu|european|europese)\s+(projects?|projecten) |
    \b(eu|european|europese)\s+(projects?|projecten)\b[^?.!]*\b(sectors?|sectoren)\b |
    \bgreen\s+(and\s+innovative\s+)?city | \bgroene\s+stad |
    \b(kennis|knowledge)\s+(uitwisselen|uitwisseling|delen|sharing|share|exchange|exchanging)\b |
    \b(share|sharing|exchange|exchanging|uitwisselen|delen)\s+(of\s+)?(kennis|knowledge)\b |
    \b(learn|learning|leren)\s+(from|van)\s+(other\s+countries|abroad|each\s+other|andere\s+landen|het\s+buitenland|elkaar)\b | \binnovative\s+city | \binnovatieve\s+stad |
    \binvest\w*\b[^?.!]*\b(network|netwerk|connections|contacts|contacten) | \bmoney\s+into\s+its\s+(connections|network) |
    \b(effort|invest\w*|energie|moeite)\b[^?.!]*\b(contacts?|network|netwerk|connections)\b |
    \bgood\s+(time|stay)\b | \bgoed\s+verblijf | \bonce\s+(we|they|i|you)('?re|\s+are|'?m|\s+am)\s+(actually\s+)?(here|living) |
    \b(profile|profiles|profiling|profileert|profileren|profilering|image|imago|reputation|come\s+across|brand|brands|branding)\b[^?.!]*
        \b(abroad|europe|europa|world|wereld|internationally|internationaal|buitenland|outside)\b |
    \b(abroad|europe|europa|world|wereld|internationally|internationaal|buitenland|outside)\b[^?.!]*
        \b(profile|profiles|profiling|profileert|profileren|profilering|image|imago|reputation)\b |
    \b(build\w*|bouw\w*)\b[^?.!]*\b(knowledge\s+city|kennisstad|city\s+of\s+knowledge)\b
""", re.VERBOSE | re.IGNORECASE)
# How the city describes itself: a knowledge city (its policy), or a hydrogen region (its hydrogen projects).
_DESCRIBES_ITSELF = re.compile(r"""
    \b(what|which)\s+(kind|sort|type)\s+of\s+(a\s+)?(city|town)\s+(is|does|do|would|wants?|calls?)\b |
    \b(what|which)\s+(kind|sort|type)\s+of\s+(a\s+)?(city|town)\b[^?.!]*\b(describe|call|see|present|brand)\w*\b |
    \b(describe|describes|call|calls|present|presents|brand|brands)\s+(groningen|the\s+city|itself|themselves)\s+(as\b|like\b|,)|
    \bhow\s+(does|do|would)\s+(the\s+municipality|the\s+city|the\s+gemeente|groningen|they)\s+(describe|see|present|brand)\b |
    \b(see|sees|consider|considers|regard|regards|describe|describes|call|calls|present|presents)\s+(itself|themselves)\s+as\b |
    \b(ziet|beschouwt|noemt|presenteert)\s+(\w+\s+){0,2}zich(zelf)?\s+als\b |
    \bwat\s+voor\s+(soort\s+|een\s+)?stad\s+(is|wil|noemt)\b | \bhoe\s+(ziet|noemt|omschrijft|beschrijft)\s+(de\s+gemeente|groningen|de\s+stad)\s+(zich|zichzelf|groningen)\b
""", re.VERBOSE | re.IGNORECASE)


# Who the knowledge institutions draw and whom the companies employ: the paragraph on international relations.
_WHO_COMES_AND_WORKS_HERE = re.compile(r"""
    \b(universit\w*|unis?|institut\w*|kennisinstelling\w*|hogeschol\w*|colleges?)\b[^?.!]*
        \b(draw|draws|attract|attracts|bring\s+in|trekken|trekt|aantrekken|binnenhalen)\b |
    \b(trekken|trekt)\b[^?.!]*\b(universit\w*|unis?|kennisinstelling\w*|hogeschol\w*)\b[^?.!]*\baan\b |
    \b(draw|draws|attract|attracts|trekken|trekt)\b[^?.!]*\b(students|researchers|lecturers|studenten|onderzoekers|docenten)\b
        [^?.!]*\b(abroad|buitenland|other\s+countries|andere\s+landen)\b |
    \b(companies|firms|businesses|employers|bedrijven|werkgevers|they)\b[^?.!]*
        \b(employ|hire|recruit|take\s+on|in\s+dienst|aannemen|nemen)\b[^?.!]*
        \b(foreign\w*|international\w*|from\s+abroad|abroad|buitenland\w*|expats?|like\s+me|
            buiten\s+(nederland|europa|de\s+eu)|other\s+countries|andere\s+landen|
            outside\s+(of\s+)?(the\s+)?(nl|netherlands|holland|europe|eu))\b |
    \b(what|which)\s+(groups?|kinds?|sorts?|types?)\s+of\s+(international\s+|foreign\s+)?(people|talent|internationals|newcomers|professionals)\b
        [^?.!]*\b(attract\w*|draw\w*|comes?|bring\w*)\b |
    \b(international|internationale)\s+(character|karakter)\b |
    \b(used\s+to|gewend\s+aan|accustomed\s+to)\b[^?.!]*\b(foreign|international|buitenlandse|internationale)\s+(students|teachers|lecturers|researchers|studenten|docenten|onderzoekers)\b |
    \bwho\s+(is\s+|are\s+)?(attract\w*|draw\w*|bring\w*)\s+(them|those\s+people|all\s+these\s+people)\b |
    \b(hoeveel|zoveel|zo\s+veel|so\s+many)\s+(internationale|buitenlandse|international|foreign)\s+\w+[^?]*[.?!]\s*[^?]*\b(hoe\s+komt|waarom|why|how\s+come)\b |
    \b(why|how\s+come|waarom|hoe\s+komt)\b[^?.!]*\b(so\s+many|so\s+much|zoveel|zo\s+veel)\s+(foreigners|internationals|expats|international\s+\w+|
        english\s+speakers|buitenlanders|buitenlandse\s+\w+|internationale\s+\w+|people\s+from\s+abroad|foreign\s+\w+)
""", re.VERBOSE | re.IGNORECASE)
_INVESTING = re.compile(r"\b(invest\w*|investering\w*)\b", re.IGNORECASE)
_INVESTMENT = re.compile(r"\b(invest\w*|investering\w*|capital|kapitaal)\b", re.IGNORECASE)


def speaks_of_investment(text: str) -> bool:
    """'investment', 'investeren' (not 'capital', which is also a city)."""
    return bool(_INVESTING.search(text))


def asks_who_comes_and_works_here(text: str) -> bool:
    return bool(_WHO_COMES_AND_WORKS_HERE.search(text)) and not _INVESTMENT.search(text)


# Requests for writing that no page answers ("write me a haiku about the north sea").
_CREATIVE_WRITING = re.compile(r"""
    (?<!to\s)(?<!has\s)(?<!have\s)(?<!must\s)(?<!needs\s)(?<!need\s)(?<!will\s)(?<!going\s)\b(write|compose|make\s+up|give)\s+
        (me\s+|us\s+)?(a|an|some)\s+(\w+\s+)?(haiku|poem|song|limerick|rap|joke|story|essay|speech)s?\b |
    \b(schrijf|maak|verzin)\s+(me\s+|eens\s+)*(een|wat)\s+(\w+\s+)?(gedicht|gedichtje|haiku|lied|liedje|mop|grap|verhaal|verhaaltje|rap)\b |
    \btell\s+(me|us)\s+a\s+(joke|story)\b |
    ^\W*(a\s+|een\s+)?(haiku|poem|limerick|sonnet|rap|song|gedicht|gedichtje|liedje|versje)\s+(about|on|over)\b | \bvertel\s+(me\s+|eens\s+)*een\s+(mop|grap)\b |
    \btranslate\b(?![^?.!]*\b(documents?|diplomas?|papers|certificates?|page)\b) | \bvertaal\b(?![^?.!]*\b(documenten|diploma|pagina)\b)
""", re.VERBOSE | re.IGNORECASE)


# How a technology works in general: no page about a city answers it ("how does a fuel cell work chemically?").
_GENERAL_SCIENCE = re.compile(r"""
    \bhow\s+(does|do|would)\s+(a\s+|an\s+|the\s+)?(hydrogen\s+)?(fuel\s*cells?|electrolys[ei]rs?|electrolysis|hydrogen\s+(engines?|cars?|vehicles?|trucks?))\s+
        (actually\s+|really\s+|even\s+)?work | \bhoe\s+werkt\s+(een\s+|de\s+)?(brandstofcel|waterstofmotor|waterstofauto|elektrolyse) |
    \bchemi(cal|cally|stry)\b | \bscheikund\w* | \bnatuurkund\w* | \bphysics\b | \belectrolys\w* | \belektrolyse\w* |
    \bhow\s+(is|are|do\s+you|does\s+one|do\s+they)\s+(\w+\s+)?hydrogen\s+(actually\s+|even\s+)?(produced|made|generated|created)\b |
    \bhoe\s+(wordt|maak\s+je|maken\s+ze)\s+(\w+\s+)?waterstof\s+(eigenlijk\s+)?(gemaakt|geproduceerd)\b |
    \b(grey|gray|blue|pink|turquoise|grijze?|blauwe?|roze)\b[^?.!]*\b(hydrogen|waterstof)\b |
    \bis\s+hydrogen\s+(\w+\s+)?(dangerous|explosive|safe|flammable)\b | \bfuel\s*cells?\b | \bbrandstofcel\w* |
    \batomic\s+(number|mass|weight)\b | \batoom\w* | \bperiodic\s+table\b | \bperiodiek\s+systeem\b | \bmolecul\w* | \bboiling\s+point\b |
    \b(turns?|converts?|omzet\w*)\s+(hydrogen|waterstof)\s+(into|in)\s+(electricity|power|energy|stroom|elektriciteit)\b | \bis\s+waterstof\s+(\w+\s+)?(gevaarlijk|explosief|veilig)\b
""", re.VERBOSE | re.IGNORECASE)


def asks_general_science(text: str) -> bool:
    return bool(_GENERAL_SCIENCE.search(text))


_INSTRUCTIONS = re.compile(r"\b(ignore|forget|disregard|vergeet|negeer)\s+(all\s+|alle\s+|your\s+|je\s+|de\s+)?(previous|prior|earlier|eerdere|vorige)?\s*"
                           r"(instructions|instructies|prompts?|rules|regels)\b|(^|[.!?,]\s*|\b(and|en|now|nu)\s+)(say|zeg|pretend|doe\s+alsof)\s+(that|dat)\b",
                           re.IGNORECASE)


def asks_for_creative_writing(text: str) -> bool:
    return bool(_CREATIVE_WRITING.search(text) or _INSTRUCTIONS.search(text))


_HYDROGEN = re.compile(r"\b(hydrogen|waterstof\w*)\b", re.IGNORECASE)


def asks_policy_matter(text: str) -> bool:
    """Not 'how does Groningen describe itself when it comes to hydrogen?': that is the hydrogen projects' page."""
    return bool(_POLICY_WORDS.search(text) or _DESCRIBES_ITSELF.search(text)) and not _HYDROGEN.search(text)


def speaks_of_hydrogen(text: str) -> bool:
    return bool(_HYDROGEN.search(text))


def asks_how_the_city_sees_itself_in_hydrogen(text: str) -> bool:
    """'hoe ziet groningen zichzelf als het om waterstof gaat?': a hydrogen region (the HECTOR page)."""
    return bool(_DESCRIBES_ITSELF.search(text) and _HYDROGEN.search(text))


_PARTNERS_WORD = re.compile(r"\b(partners?|members?|deelnemers|leden)\b", re.IGNORECASE)


def asks_about_partners(text: str) -> bool:
    return bool(_PARTNERS_WORD.search(text))


_EU_SEAT = re.compile(r"^brussel", re.IGNORECASE)


def names_the_eu_by_its_seat(text: str) -> bool:
    """'Brussels' in 'can Brussels put money into ...' is the EU, not the city."""
    return bool(_EU_SEAT.match(text))


_PURPOSE = re.compile(r"\b(why|what\s+for|purpose|waarom|waarvoor|doel|what\s+is\s+\w+(\s+\w+)?\s+for|created|set\s+up|opgericht|"
                      r"aimed\s+at|meant\s+for|intended\s+for|for\s+whom|who\s+is\s+it\s+for|bedoeld\s+voor|voor\s+wie)\b",
                      re.IGNORECASE)


_WHY = re.compile(r"\b(why|waarom|how\s+come)\b", re.IGNORECASE)


# "does the city take part in any European projects?": the list of projects, not the policy behind them.
_TAKES_PART_IN_PROJECTS = re.compile(r"""
    \b(take|takes|taking|took)\s+part\s+in\b[^?.!]*\bprojects?\b | \b(participat\w*|involved)\s+in\b[^?.!]*\bprojects?\b |
    \b(doet|doen|deed)\b[^?.!]*\bmee\s+aan\b[^?.!]*\bprojecten\b | \bneemt\b[^?.!]*\bdeel\s+aan\b[^?.!]*\bprojecten\b |
    \bmeedoen\s+aan\b[^?.!]*\bprojecten\b |
    \b(aan|in)\s+welke\s+(\w+\s+){0,2}(projecten|programma'?s)\b[^?.!]*\b(mee|deel)\b |
    \b(take|takes|taking|took)\s+part\s+in\b[^?.!]*\b(programmes|programs)\b | \bin\s+which\s+(\w+\s+){0,2}(projects|programmes|programs)\b
""", re.VERBOSE | re.IGNORECASE)
_DIFFERENCE = re.compile(r"\b(difference|differences|differ|verschil\w*|vs\.?|versus|the\s+same\s+thing|hetzelfde)\b",
                         re.IGNORECASE)


# "HECTOR, is that only in the Netherlands or also abroad?": where the project's partners are.
_HOME_OR_ABROAD = re.compile(r"\b(only|just|alleen)\s+(in\s+)?(the\s+netherlands|nederland|holland|groningen)\b|"
                             r"\b(also|too|ook)\s+(abroad|overseas|in\s+het\s+buitenland|buitenland|in\s+other\s+countries|"
                             r"in\s+andere\s+landen|internationaal|international)\b|\b(abroad|buitenland)\s+(too|as\s+well|also|ook)\b",
                             re.IGNORECASE)


def asks_home_or_abroad(text: str) -> bool:
    return bool(_HOME_OR_ABROAD.search(text))


_PARTNER_CITY_WORDS = re.compile(r"\b(city|cities|citys|citie|town|towns|stad|steden|twin\w*|sister|zuster\w*|stedenband\w*|jumelage)\b",
                                 re.IGNORECASE)


def speaks_of_partner_cities(text: str) -> bool:
    """'is Duisburg a partner city?', not 'is Duisburg a partner of Groningen?'"""
    return bool(_PARTNER_CITY_WORDS.search(text))


# "Wat zijn de partnersteden van Amsterdam?", "who is Eindhoven twinned with?", "does Bremen have other twin
# cities?": the partner cities of a city other than Groningen.
_PARTNERS_OF_A_CITY = re.compile(r"""
    \b((partner|sister|twin)[\s-]*(cities|city|towns?)\s+of|(partner|zuster)[\s-]*(steden|stad)\s+van)\s+(?P<a>[A-Za-z][\w'-]+) |
    \b(?P<b>[A-Za-z][\w-]+?)('s|s')\s+(own\s+|other\s+)?(partner|sister|twin)[\s-]*(cities|city|towns?) |
    \b(welke|wat\s+voor)\s+(partner|zuster)[\s-]*(steden|stad)\s+(heeft|hebben)\s+(?P<f>[A-Za-z][\w'-]+) |
    \b(which|what)\s+(other\s+|else\s+|more\s+)?(partner|sister|twin)[\s-]*(cities|towns)\s+(does|do|has)\s+(?P<g>[A-Za-z][\w'-]+)\s+(have|got)\b |
    \b(?P<e>[A-Za-z][\w-]+?)s\s+(partner|sister|twin)[\s-]*(cities|towns)\b |
    \b(is|are)\s+(?P<c>[A-Za-z][\w'-]+)\s+(twinned|partnered|paired)\s+with\b(?!\s+(groningen|us|the\s+city|onze|our)) |
    \b(does|do|has|heeft)\s+(?P<d>[A-Za-z][\w'-]+)\s+(have\s+|got\s+|ook\s+)?(other\s+|any\s+|more\s+|andere\s+|nog\s+)?
        (dutch\s+|nederlandse\s+|european\s+|europese\s+|german\s+|duitse\s+)?(partner|sister|twin|zuster)[\s-]*(cities|city|towns?|steden|stad)
""", re.VERBOSE | re.IGNORECASE)
_NOT_ANOTHER_CITY = frozenset("""groningen grunn stad city town municipality gemeente it they we you u jullie je jij ze het
    the de our onze ons your this that these those deze die dit dat there niet not what wat which who
    groningens it's any some other more many several active actieve formal formele official officiele
    german dutch chinese russian nicaraguan british scottish european north northern duitse nederlandse
    russische europese noord noordduitse""".split())


def city_whose_partners_are_asked(text: str) -> Optional[str]:
    """The other city whose own partner cities the question asks for; None for Groningen's."""
    for match in _PARTNERS_OF_A_CITY.finditer(text):
        name = next(group for group in match.group("a", "b", "c", "d", "e", "f", "g") if group)
        if name.lower() not in _NOT_ANOTHER_CITY and len(name) >= 3 and name.lower() != "doe":
            return name  # not "has partner cities" read as "ha's partner cities"
    return None


_PARTNER_CITY_TIE = re.compile(r"\b(partner\s*cit(y|ies)|partner\s*towns?|partnersteden|partnerstad|twin\w*|sister\s*cit\w*|"
                               r"zusterstad|zustersteden|stedenband\w*|jumelage)\b", re.IGNORECASE)


def names_a_partner_city_tie(text: str) -> bool:
    """'partner city', 'stedenband': the city ties, not a project's partners."""
    return bool(_PARTNER_CITY_TIE.search(text))


_WHICH_CITIES_TAKE_PART = re.compile(r"\b(which|what|welke)\s+(\w+\s+)?(cities|towns|steden|places|plaatsen|gemeenten|municipalities)\b"
                                     r"[^?.!]*\b(take\s+part|taking\s+part|involved|join\w*|participat\w*|doen\s+mee|doet\s+mee|"
                                     r"meedoen|deelnemen|are\s+in|zitten)", re.IGNORECASE)


# The city as the buyer: "what is Groningen buying", "is the city buying six vehicles" (not "where can I buy a bus card").
_BUYS = re.compile(r"\b(groningen|the\s+city|the\s+municipality|the\s+council|de\s+gemeente|de\s+stad|gemeente|it|they)\s+"
                   r"(is\s+|are\s+|will\s+|going\s+to\s+|gaat\s+|zal\s+)?(buy\w*|bought|purchas\w*|koopt|kopen|kocht|schaft|aanschaf\w*)\b|"
                   r"\b(buy\w*|bought|purchas\w*|koopt|kopen|kocht|schaft)\s+(\w+\s+){0,2}(groningen|the\s+city|the\s+municipality|de\s+gemeente|de\s+stad)\b",
                   re.IGNORECASE)


_THE_CITY = re.compile(r"\b(the\s+city|de\s+stad|the\s+municipality|de\s+gemeente|the\s+council)\b", re.IGNORECASE)


def says_the_city(text: str) -> bool:
    return bool(_THE_CITY.search(text))


def asks_what_the_city_buys(text: str) -> bool:
    return bool(_BUYS.search(text))


def asks_which_cities_take_part(text: str) -> bool:
    return bool(_WHICH_CITIES_TAKE_PART.search(text))


def asks_whether_in_projects(text: str) -> bool:
    return bool(_TAKES_PART_IN_PROJECTS.search(text)) and not _WHY.search(text)


def asks_difference(text: str) -> bool:
    """'what's the difference between NWE and NSR?'"""
    return bool(_DIFFERENCE.search(text))


def asks_why(text: str) -> bool:
    return bool(_WHY.search(text))


def asks_purpose(text: str) -> bool:
    return bool(_PURPOSE.search(text))


_SET_UP = re.compile(r"\bwhat\s+(did|have|has|do)\s+(they|the\s+city|the\s+municipality|groningen|the\s+gemeente|you|we)\s+"
                     r"(set\s+up|establish\w*|creat\w*|found\w*|buil[dt])\b|\bwat\s+(is|hebben|heeft)\b[^?.!]*\bopgericht",
                     re.IGNORECASE)


def asks_what_was_set_up(text: str) -> bool:
    """'so what did they set up for that?': the page names one thing set up, the Welcome Centre."""
    return bool(_SET_UP.search(text))


_FOUNDATION = re.compile(r"\b(foundation|stichting)\b", re.IGNORECASE)
# Cities in the plural: "the city" is mostly Groningen itself ("how many vehicles does the city buy?").
_CITIES = re.compile(r"\b(cities|citys|towns|steden|places|plaatsen)\b", re.IGNORECASE)
_OWN = re.compile(r"\b(own|eigen|itself|zelf)\b", re.IGNORECASE)


def says_own(text: str) -> bool:
    """'the city's own fleet': what Groningen itself has or does."""
    return bool(_OWN.search(text))


_WHICH_ONES = re.compile(r"\b(which|what|welke|any|are\s+there|zijn\s+er|is\s+there|ones)\b", re.IGNORECASE)


def asks_which_ones(text: str) -> bool:
    """'which of those ...?', 'are there any ...?': a question for some of a list."""
    return bool(_WHICH_ONES.search(text))


_NOT_KEPT_BY_THE_CITY = re.compile(r"\b(doesn'?t|doesnt|does\s+not|don'?t|not|niet|no\s+longer)\s+(\w+\s+){0,2}"
                                  r"(maintain|keep|run|manage|handle|look\s+after|onderh[oa]ud\w*|bijhoud\w*|zelf)\w*\b|"
                                  r"\b(someone|somebody|iemand|an?\s+\w+\s+organi[sz]ation|organisatie)\s+else\b",
                                  re.IGNORECASE)


def mentions_a_foundation(text: str) -> bool:
    """'a foundation', or a tie the city does not keep up itself (that is what the foundation does)."""
    return bool(_FOUNDATION.search(text)) or bool(_NOT_KEPT_BY_THE_CITY.search(text))


def mentions_cities(text: str) -> bool:
    return bool(_CITIES.search(text))


_WHO_PAYS_OR_ARRANGES = re.compile(
    r"\b(who|wie)\b[^?.!]*\b(pays?|paying|funds?|finances?|subsidi[sz]es?|betaalt|financiert|subsidieert|sponsors?)\b|"
    r"\b(who|wie)\s+(arranges?|regelt|organi[sz]es|organiseert|handles?|does|doet|runs?|takes\s+care\s+of)\s+"
    r"(that|it|this|dat|die|het|dit)\b", re.IGNORECASE)


def asks_who_pays_or_arranges(text: str) -> bool:
    """'who pays that foundation?', 'wie regelt dat dan?'"""
    return bool(_WHO_PAYS_OR_ARRANGES.search(text))


_WHY_TAKE_PART = re.compile(r"\b(why|waarom|what\s+for|how\s+come)\b[^?.!]*\b(join\w*|tak(e|es|ing)\s+part|took\s+part|participat\w*|"
                            r"involved|part\s+of|sign\w*\s+up|doe[tn]?\s+mee|mee\s*doe\w*|deel\s*(aan|name|nemen|neemt))\b",
                            re.IGNORECASE)


def asks_why_taking_part(text: str) -> bool:
    """'why is Groningen joining HECTOR?': what the project is for, and Groningen's reason."""
    return bool(_WHY_TAKE_PART.search(text))


_TOTAL_OR_REGION = re.compile(rf"\b({_PROJECT_WIDE}|which\s+region|what\s+region|welke\s+regio|where\s+in\s+europe|"
                              r"waar\s+in\s+europa)\b", re.IGNORECASE)


def asks_project_scale(text: str) -> bool:
    """'how many trucks in HECTOR overall?', 'which region?': the project's scale and area."""
    return bool(_TOTAL_OR_REGION.search(text))


_SUMMARY = re.compile(r"\b(sum\s+up|summar\w*|in\s+a\s+nutshell|in\s+short|overview|samenvatting|samengevat|in\s+het\s+kort|what\s+makes|wat\s+maakt|"
                      r"describe|beschrijv\w*)\b[^?.!]*\b(international\w*|internationa\w*)", re.IGNORECASE)


_POLICY_AIMS = re.compile(r"\b(policy|beleid|aims?|goals?|achieve|bereiken|doelen)\b", re.IGNORECASE)


def asks_summary_of_the_international_side(text: str) -> bool:
    """'how would the city sum up its international side?': the page's opening section (not its policy)."""
    return bool(_SUMMARY.search(text)) and not _POLICY_AIMS.search(text)


_HOW_MEANS = re.compile(r"\bhow\s+(exactly|precisely|do\s+they\s+(plan|want|intend|mean)|will\s+they|are\s+they\s+going)\b|"
                        r"\bhoe\s+(precies|dan|willen\s+ze|gaan\s+ze)\b", re.IGNORECASE)


def asks_how(text: str) -> bool:
    """'how exactly?' after an aim: the means the page lists."""
    return bool(_HOW_MEANS.search(text))


_TIE_WORDS = re.compile(r"\b(connected|connection|linked|link|links|ties?|relationships?|relations?|band|verbonden|banden|"
                        r"(anything|something|iets|got|have|has)\s+(to\s+do|te\s+maken)\s+(with|met)|work(s|ing)?\s+(together\s+)?with|"
                        r"samenwerk\w*|involved\s+with|together\s+with|samen\s+met|"
                        # "which Chinese cities are partners of Groningen"
                        r"(cities|towns|steden)\s+(are|zijn)\s+(\w+\s+)?partners?\s+(of|van)\s+(groningen|the\s+city|de\s+stad))\b",
                        re.IGNORECASE)


def asks_about_a_tie(text: str) -> bool:
    return bool(_TIE_WORDS.search(text))


_SHARE = re.compile(r"\b(share|part|role|rol|aandeel|bijdrage|contribution|doing|doet|do)\b", re.IGNORECASE)


_WHETHER_A_MEMBER = re.compile(r"^\W*(is|are|was|were|does|do|zit|zitten|doet|doen|neemt|nemen|hoort)\b[^?.!]*\b(part|member|in|mee|deel|lid)\b",
                               re.IGNORECASE)


def asks_whether_a_member(text: str) -> bool:
    """'is groningen part of hytrec2?', 'doet groningen mee aan hector?': a yes or no on taking part."""
    return bool(_WHETHER_A_MEMBER.search(text)) and not re.search(r"\b(what|wat|which|welke|how|hoe)\b", text, re.IGNORECASE)


_OWN_DOING = re.compile(r"\b(doing|doet(?![^?.!]*\bmee\b)|role|rol|aandeel|bijdrage|contribut\w*|share)\b", re.IGNORECASE)


def asks_what_it_does_itself(text: str) -> bool:
    """'what is groningen itself doing in it?'; not 'is another city taking part?'."""
    return bool(_OWN_DOING.search(text))


def asks_about_a_share(text: str) -> bool:
    return bool(_SHARE.search(text))


# "when does it open?", "since when ...", "wanneer gaat het open": the asker wants a date or a year.
_ASKS_WHEN = re.compile(r"""
    \bwhen\s+(does|did|is|was|will|do|are|were|has|have|had|can|could|would|should)\b | \b(since|until|till)\s+when\b |
    \b(what|which)\s+(year|date|month)\b | \bhow\s+long\b | \bstart(ing)?\s+date | \bend\s+date |
    \btime\s*(frame|span|line)\b | \btijdsbestek | \btijdpad | \bhoelang\b |
    \bwanneer\s+(is|was|gaat|ging|begint|begon|eindigt|eindigde|start|stopt|komt|kwam|wordt|werd|zijn|waren|heeft|
    hebben|loopt|liep|kan|zal|zullen|gaan)\b | \b(sinds|tot)\s+wanneer\b | \bwelk\s+jaar\b | \bhoe\s+lang\b
""", re.IGNORECASE | re.VERBOSE)
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def asks_when(text: str) -> bool:
    return bool(_ASKS_WHEN.search(text))


def gives_a_year(text: str) -> bool:
    return bool(_YEAR.search(text))


_SETS_ASIDE = re.compile(r"\b(apart\s+from|other\s+than|besides|except|aside\s+from|not\s+the|behalve|afgezien\s+van|"
                         r"buiten|outside(\s+of)?|excluding|"
                         r"(that|which|who)\s+(are|is|aren'?t|isn'?t)\s+not|(that|which)\s+(aren'?t|isn'?t|are\s+not|is\s+not)\s+(?=[A-Z])|(are|is)n'?t\s+(german|chinese)|niet\s+(de\s+)?(duitse|chinese))\b",
                         re.IGNORECASE)


_SETS_ASIDE_AT_THE_END = re.compile(r",\s*(but\s+)?(not|niet)\s+[A-Za-z][\w']+\s*[?.!]*\s*$", re.IGNORECASE)


_INTO_IT = re.compile(r"\b(in|within|into|inside|part\s+of|involved\s+in|participating\s+in)\s+(it|that|this|that\s+one|this\s+one)\b|"
                      r"\b(erin|daarin|erbij|daarbij|eraan|daaraan)\b", re.IGNORECASE)


def points_into_it(text: str) -> bool:
    """'are there other Dutch cities in it?': inside the thing just talked about (a project)."""
    return bool(_INTO_IT.search(text))


_SETS_ASIDE_WHAT_FOLLOWS = re.compile(r"\b(outside(\s+of)?|apart\s+from|besides|except|excluding|other\s+than|aside\s+from|"
                                      r"not\s+(in|from|the)|buiten|behalve|afgezien\s+van|niet\s+(in|uit|de)|non|niet)"
                                      r"[\s-]*(the\s+|de\s+|het\s+)?$", re.IGNORECASE)


def sets_aside_what_follows(text_before: str) -> bool:
    """'... outside the' (Netherlands), 'non-' (Dutch): the name that follows is left out."""
    return bool(_SETS_ASIDE_WHAT_FOLLOWS.search(text_before))


_WRITERS_WORKPLACE = re.compile(r"\b(colleagues?|collega'?s?|staff|medewerkers?|i\s+work|we\s+work|working|werk|werken|werkzaam|"
                                r"i'?m|i\s+am|we\s+are|we'?re|ik\s+ben|wij\s+zijn|here)\s+(\w+\s+){0,2}(at|for|bij|van|from|in)\s+"
                                r"(the\s+|de\s+|het\s+)?$", re.IGNORECASE)


_WORKPLACE_HERE = re.compile(r"^\W*(north\s+)?(desk|staff|team|colleague|front\s+desk|balie|medewerker)?\s*(here|hier)\b", re.IGNORECASE)


def names_the_writers_workplace(text_before: str, text_after: str = "") -> bool:
    """'colleague here at the' (Welcome Centre), 'ik werk bij het', '(Welcome Centre) desk here': where the
    writer works, not what is asked."""
    return bool(_WRITERS_WORKPLACE.search(text_before) or _WORKPLACE_HERE.search(text_after))


# "the other partner cities, so not oldenburg bremen hamburg ...": the ones named are set aside.
_OTHERS_BUT_NOT = re.compile(r"\b(other|others|rest|andere|overige)\b[^?.!]*,\s*(so\s+|i\s+mean\s+|but\s+|dus\s+|maar\s+)?(not|niet)\s+\w",
                             re.IGNORECASE)


def sets_aside(text: str) -> bool:
    """'apart from the German ones', 'not the chinese ones', '..., not Tianjin?': the question is about the rest."""
    return bool(_SETS_ASIDE.search(text) or _SETS_ASIDE_AT_THE_END.search(text) or _OTHERS_BUT_NOT.search(text))


_WHICH_ORGANISATIONS = re.compile(r"\b(which|what|welke|wat\s+voor)\s+(\w+\s+){0,2}(bod(y|ies)|organi[sz]ations?|organisaties?|instanties?|"
                                  r"councils?|institutions?|instellingen|parties|partijen|partners|participants|deelnemers)\b|"
                                  r"\bwho\s+(exactly\s+|precisely\s+)?(represents?|speaks?\s+for|is\s+there\s+for|takes\s+part\s+for)\b",
                                  re.IGNORECASE)


_COUNTS_ORGANISATIONS = re.compile(r"\b(how\s+many|hoeveel|number\s+of|aantal)\s+(\w+\s+)?(organi[sz]ations?|organisaties|partners|"
                                   r"parties|partijen|participants|deelnemers|bod(y|ies)|members|leden)\b", re.IGNORECASE)


def counts_organisations(text: str) -> bool:
    """'how many organisations are partners in HyTrEc2?'"""
    return bool(_COUNTS_ORGANISATIONS.search(text))


_WHO_RUNS_IT = re.compile(r"\b(in\s+charge|department|afdeling|responsible|verantwoordelijk\w*|runs?|handles?|maintains?|"
                          r"keeps?\s+up|looks?\s+after|onderhoudt|beheert|regelt)\b", re.IGNORECASE)
_A_PERSON = re.compile(r"\b(who\s+is\s+the|names?|naam|called|named|heet|heten|contact\s+person|contactpersoon|wie\s+is\s+de|"
                       r"board|bestuur|bestuursleden|chair\w*|voorzitter|director|directeur)\b", re.IGNORECASE)


_A_LIST = re.compile(r"\b(which|what|welke|wat\s+zijn|name|list|noem\w*|opnoemen|all|allemaal|alle)\b", re.IGNORECASE)


_WRITING_ABOUT = re.compile(r"\b(essay|paper|presentation|homework|assignment|report|spreekbeurt|werkstuk|article|piece|"
                            r"school\s+project|opstel)\s+(\w+\s+){0,3}(about|on|over)\b", re.IGNORECASE)


def tells_of_writing_about(text: str) -> bool:
    """'my granddaughter has to write a little essay about groningen's partner cities': she needs them."""
    return bool(_WRITING_ABOUT.search(text))


def asks_for_a_list(text: str) -> bool:
    """'welke zustersteden ..., kun je ze allemaal noemen': the list of something."""
    return bool(_A_LIST.search(text))


_AMOUNT = re.compile(r"\bhow\s+much\b|\bhoeveel\b|\bsubsid(y|ies)\s+(amount|of)\b", re.IGNORECASE)


def is_shouted(text: str) -> bool:
    """All capitals, written that way throughout (its lower case keeps every position)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters) and len(text.lower()) == len(text)


def asks_an_amount(text: str) -> bool:
    return bool(_AMOUNT.search(text))


def asks_who_runs_it(text: str) -> bool:
    """'which city department is in charge of that?': who keeps something up (a body, not a person)."""
    return bool(_WHO_RUNS_IT.search(text))


def asks_about_a_person(text: str) -> bool:
    """'who is the contact person', 'what's the foundation called': a person or a name, which the page never gives."""
    return bool(_A_PERSON.search(text))


def asks_which_organisations(text: str) -> bool:
    """'which aberdeen bodies are in it?': the organisations, not a yes or no."""
    return bool(_WHICH_ORGANISATIONS.search(text))


_WHICH_PART = re.compile(r"\b(which|what|welk|welke)\s+(part|parts|region|regions|area|areas|deel|delen|regio|streek)\b|"
                         r"\bwhere\s+in\b|\bwaar\s+in\b|\b(north|south|east|west|noord|zuid|oost|west)(ern)?\b", re.IGNORECASE)


def asks_which_part(text: str) -> bool:
    """'which part of germany are they in, south?': where in the country."""
    return bool(_WHICH_PART.search(text))


_REACTIVE = re.compile(r"\b(re-?active(ly)?|reactie(f|ve)|passive(ly)?|passie(f|ve)|dormant|slapende)\b", re.IGNORECASE)


def speaks_of_reactive_ties(text: str) -> bool:
    """'those reactive partnerships': the ties Groningen does not keep up actively."""
    return bool(_REACTIVE.search(text))


_CONTRIBUTION = re.compile(r"\b(role|rol|do(es)?\s+in\s+(it|the\s+project|hytrec\w*|hector)|doing\s+in|contribut\w*|bijdra\w*|draag\w*\b[^?.!]*\bbij|betalen\s+(ze|zij)\s+mee|pay\s+towards|chip\s+in)\b",
                           re.IGNORECASE)


_MONEY = re.compile(r"\b(money|pay\w*|fund\w*|subsid\w*|geld|betaal\w*|financ\w*)\b", re.IGNORECASE)
_HOW_MUCH = re.compile(r"\b(how\s+much|hoeveel|amount|bedrag)\b", re.IGNORECASE)


def asks_whether_money_goes(text: str) -> bool:
    """'does the city put any money towards it?': whether, not how much."""
    return bool(_MONEY.search(text)) and not _HOW_MUCH.search(text)


_DONE_WITH = re.compile(r"\bwhat\s+(will|do|does|are|is)\s+(they|the\s+city|groningen|the\s+gemeente|the\s+municipality|it)\s+"
                        r"(going\s+to\s+)?do\s+with\b|\bwat\s+(gaan|doen|gaat|doet)\s+(ze|zij|de\s+gemeente)\s+(ermee|met\s+die)",
                        re.IGNORECASE)


def asks_what_is_done_with(text: str) -> bool:
    """'and what will they do with them, just park them?'"""
    return bool(_DONE_WITH.search(text))


_PEOPLE = re.compile(r"\b(employees|engineers|staff|workers|researchers|people|newcomers|colleagues|hires|recruits|them)\b",
                     re.IGNORECASE)


def speaks_of_people(text: str) -> bool:
    return bool(_PEOPLE.search(text))


_PROGRAMME_WORD = re.compile(r"\b(programmes?|programs?|programma'?s?)\b", re.IGNORECASE)


def says_programme(text: str) -> bool:
    return bool(_PROGRAMME_WORD.search(text))


_AIM = re.compile(r"\b(aims?|goals?|want\w*|focus\w*|grow|about|doel\w*|purpose|for|themes?|thema\w*|topics)\b", re.IGNORECASE)


def asks_aim(text: str) -> bool:
    return bool(_AIM.search(text))


_GOAL_WORD = re.compile(r"\b(aims?|goals?|doel|doelen|doelstelling\w*|purpose|objectives?)\b", re.IGNORECASE)


def names_a_goal(text: str) -> bool:
    """'wat is het doel and how long does it run?': the goal is asked, whatever else is."""
    return bool(_GOAL_WORD.search(text))


def asks_period(text: str) -> bool:
    return bool(_PERIOD_WORDS.search(text) or _WHEN.search(text))


def asks_contribution(text: str) -> bool:
    """'what does Drenthe contribute?', 'wat draagt de provincie bij?'"""
    return bool(_CONTRIBUTION.search(text))


_KIND_OF_PARTNER = re.compile(r"\b(city|cities|town|towns|places|plaatsen|bodies|members|participants|partners?|organi[sz]ations?|orgs?|councils?|institutes?|institutions?|"
                              r"universit(y|ies)|stad|steden|partijen|organisaties|instituten|instellingen)\b",
                              re.IGNORECASE)


def names_a_kind_of_partner(text: str) -> bool:
    """'any other Dutch city in HECTOR?', 'welke Duitse partijen': partners of a kind."""
    return bool(_KIND_OF_PARTNER.search(text))


_PROJECTS_PLURAL = re.compile(r"\b(projects|projecten|programmes|programs|programma'?s)\b", re.IGNORECASE)


def says_the_word_project(text: str) -> bool:
    """'project' itself, not 'the north sea one' (which after a list of programmes is a programme)."""
    return bool(re.search(r"\b(project|projectje|projects|projecten)\b", text, re.IGNORECASE))


def says_project(text: str) -> bool:
    """'the garbage truck project': one project, described rather than named."""
    return (bool(re.search(r"\b(project|projectje)\b|\b(sea|nsr|nwe|europe|interreg)\s+one\b", text, re.IGNORECASE))
            and not asks_about_projects(text))  # "the north sea one": the project, by its programme


def asks_about_projects(text: str) -> bool:
    """'does HECTOR belong to the EU projects?': more than one project."""
    return bool(_PROJECTS_PLURAL.search(text))


_WHICH_PROJECTS = re.compile(r"\b(which|what|welke)\s+(\w+\s+)?(projects|projecten)\b", re.IGNORECASE)
_WHICH_PROJECT_UNDER_IT = re.compile(r"\b(which|what|welk|welke)\s+(\w+\s+){0,2}(project|projects|projecten)\b[^?.!]*"
                                     r"\b(under|within|in|onder|daaronder|binnen|part\s+of|valt|vallen|falls?)\b", re.IGNORECASE)


def asks_which_project_falls_under(text: str) -> bool:
    """'welk Gronings project valt daaronder?' after a programme: that programme's project."""
    return bool(_WHICH_PROJECT_UNDER_IT.search(text))


_MORE_PROJECTS = re.compile(r"\b(other|more|further|additional|andere|meer|nog)\s+(\w+\s+)?(projects|projecten)\b", re.IGNORECASE)


def asks_for_more_projects(text: str) -> bool:
    """'which other european projects is groningen in?' (plural: not 'the other project')."""
    return bool(_MORE_PROJECTS.search(text))


_BOTH_OR_EACH = re.compile(r"\b(and|en|or|of|both|beide|each|elk|compared?|vergeleken|versus|vs)\b", re.IGNORECASE)


def asks_one_thing_of_a_project(text: str) -> bool:
    """No 'and', 'or', 'both' that could join a second project to the one named."""
    return not _BOTH_OR_EACH.search(text)


_WHICH_PROJECT_IT_BELONGS_TO = re.compile(
    r"\b(which|what)\s+(\w+\s+)?project\b[^?.!]*\b(belong\w*|part\s+of|come\s+from|comes\s+with|is\s+(it|that|this)\s+(in|from|for))\b|"
    r"\b(bij|van|uit)\s+welk\s+project\b|\bwelk\s+project\s+(hoort|is\s+dat|is\s+het)\b", re.IGNORECASE)


def asks_which_project_it_belongs_to(text: str) -> bool:
    """'which project does it belong to?': the project of the thing just talked about."""
    return bool(_WHICH_PROJECT_IT_BELONGS_TO.search(text))


def asks_which_projects(text: str) -> bool:
    """'which hydrogen projects ...': the list of projects, not one of them."""
    return bool(_WHICH_PROJECTS.search(text))


_WHO = re.compile(r"\b(who|whom|which\s+(partners?|cities|organi[sz]ations?|ones)|wie|welke\s+(partners?|steden|partijen))\b",
                  re.IGNORECASE)


def asks_who(text: str) -> bool:
    return bool(_WHO.search(text))
