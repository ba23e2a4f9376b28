// What a concern sounds like, by the categories of Keeping Children Safe in Education. Written
// against normalise()'s form: lower case, no apostrophes ("mums boyfriend", "do not tell"),
// hyphens as spaces, text-speak spelled out. Two kinds of pattern:
//  - `harm`: someone being hurt, frightened, exploited, missing… These always redirect.
//  - `topic`: a word that names a category (FGM, self-harm, allegation…). Improvement talk uses
//    these too ("FGM training completed"), so they redirect unless their sentence is plainly about
//    a policy, training or process (PROCESS below).
// test/fixtures/safeguarding holds the labelled phrasings; npm run eval:safeguarding scores these.

export const CATEGORIES = [
  'physical', 'emotional', 'sexual', 'neglect', 'child-on-child', 'online', 'exploitation', 'domestic-abuse',
  'fgm', 'forced-marriage', 'radicalisation', 'serious-violence', 'self-harm', 'missing', 'adults', 'concern',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CategoryPatterns {
  category: Category;
  harm: readonly string[];
  topic?: readonly string[];
}

// Fragments shared by the patterns below (regular-expression source).
const OBJ = String.raw`(?:me|him|her|them)`;
const KID = String.raw`(?:child|children|kid|kids|pupil|pupils|student|students|boy|boys|girl|girls|lad|son|daughter|baby|toddler|y(?:ear|r)? ?\d{1,2}s?)`;
const FAMILY = String.raw`(?:dad|daddy|father|mum|mummy|mother|step (?:dad|mum)|parents?|uncle|aunt|auntie|aunties|nan|gran|grandad|grandma|grandmother|grandfather|brother|sister|cousin|boyfriend|girlfriend|partner|husband|wife|ex|carer|babysitter|(?:mums|dads) (?:boyfriend|girlfriend|partner|friend|new boyfriend))`;
const HITS = String.raw`(?:hit|hits|hitting|punch|punches|punched|punching|kick|kicks|kicked|kicking|slap|slaps|slapped|slapping|smack|smacks|smacked|smacking|belt|belts|belted|batter|batters|battered|strangle|strangles|strangled|strangling|choke|chokes|choked|choking|throttle|throttled|shove|shoves|shoved|whip|whips|whipped|stab|stabs|stabbed|bite|bites|bit|burn|burns|burnt|burned|drag|drags|dragged|molest|molests|molested|rape|rapes|raped|abuse|abuses|abused|assault|assaults|assaulted|attack|attacks|attacked)`;
const ADULT = String.raw`(?:mr|mrs|ms|miss|sir|teacher|teachers|ta|teaching assistant|coach|tutor|colleague|staff member|member of staff|supply teacher|minibus driver|driver|dinner lady|lunchtime supervisor|caretaker|site manager|volunteer|instructor|youth worker|scout leader|cadet leader|form tutor)`;
/** One child, not a class: messaging a class is ordinary, messaging one pupil is not. */
const PUPIL_ONE = String.raw`(?:me|her|him|(?:a|one|this|that|the same|another) (?:pupil|student|girl|boy|child|kid|lad|y(?:ear|r)? ?\d{1,2} (?:girl|boy|pupil|student|lad))|(?:my|his|her) (?:son|daughter|child))\b`;
const SOCIAL = String.raw`(?:snapchat|instagram|whatsapp|facebook|tiktok|discord|personal (?:number|phone|mobile|email|account))`;
const IMAGES = String.raw`(?:nudes?|naked \w+|pictures?|photos?|videos?|selfies|images?)`;

export const PATTERNS: readonly CategoryPatterns[] = [
  {
    category: 'adults',
    harm: [
      String.raw`\b${ADULT}\b.{0,50}\b(?:messag\w*|texts?|texted|texting|snapchat|instagram|whatsapp\w*|adds?|added|follows?|followed|likes all|dm\w*)\b.{0,30}\b${PUPIL_ONE}`,
      String.raw`\b${ADULT}\b.{0,60}\b${SOCIAL}\b|\b${SOCIAL}\b.{0,60}\b${ADULT}\b`,
      String.raw`\b${ADULT}\b.{0,60}\b(?:lifts? home|drives? (?:\w+ ){0,4}home|gives? (?:me|her|him) (?:a )?lifts?|(?:gives?|giving|gave|buys?|buying|bought|sends?|sent) (?:\w+ ){0,4}(?:gifts?|presents|money|sweets|vapes?)|buys? (?:me|her|him)|alone (?:with|in)|back alone|empty room|blinds down|arm (?:round|around)|hand on (?:my|her|his)|(?<!in )touch(?!ed (?:base|on)|ing (?:base|on)|es (?:base|on))\w*|grab\w*|shak(?:e|es|ing|en) (?:a|the|her|him|me)|swore at|swears at|called (?:her|him|me) a|special friend|meet (?:him|her|me|them) (?:outside|after|at the weekend)|(?:shoved|pushed|dragged|slapped|hit|kicked|restrained|grabbed|shook|shaking) ${PUPIL_ONE}|looked fit|looks fit|(?:skirt|legs|body|bum) looks? (?:nice|good|fit|hot|sexy)|sexy|kiss\w*|hug\w*|do not tell|our secret|late at night)`,
      String.raw`\bfriends with (?:\w+ ){0,2}(?:pupils|students)\b|\b(?:pupils|students)\b.{0,20}\bon (?:facebook|instagram|snapchat|tiktok|whatsapp)\b|\b(?:she is|he is|i am|you are) (?:his|her) (?:favourite|special)\b(?! (?:subject|lesson|book|team|class))`,
    ],
    topic: [String.raw`\blow level concerns?\b|\ballegations?\b|\balleged\w*|\balleges?\b|\blado\b(?! (?:has |have )?(?:closed|advised|confirmed)\b)`],
  },
  {
    category: 'self-harm',
    harm: [
      String.raw`\b(?:cut|cuts|cutting|burn|burns|burning|burnt|hurt|hurts|hurting|harm|harms|harming|starve|starving|punish|punishing|hit|hits|hitting) (?:my|him|her|them|your) ?sel(?:f|ves)\b`,
      String.raw`\bmake (?:my|him|her) ?self sick\b|\b(?:i am|she is|he is) not eating\b`,
      String.raw`\bkill (?:my|him|her|your|them) ?sel(?:f|ves)\b|\bend(?:ing|ed)? (?:it all|my life|(?:his|her|their) (?:own )?life|things)\b`,
      String.raw`\bdo not want to (?:be here|live|be alive|wake up|exist|be around)\b|\b(?:want|wants|wanted|wanting) to (?:die|be dead|not exist|disappear forever)\b`,
      String.raw`\bwish (?:i|he|she|they) (?:was|were) dead\b|\bbetter off (?:dead|without (?:me|him|her))\b|\bnever wake up\b`,
      String.raw`\b(?:what is the|no) point (?:in |of )?(?:living|being alive|going on|anymore)\b`,
      String.raw`\bgoodbye (?:letter|note|message)\b|\bnoose\b|\b(?:take|takes|took|taking|taken) (?:loads of|lots of|a lot of|all (?:my|the|her|his)) (?:pills|tablets|paracetamol)\b`,
      String.raw`\b(?:fresh )?cuts (?:on|up|across) (?:my|his|her|their) (?:wrists?|arms?|legs?|thighs?)\b|\bfresh cuts\b`,
    ],
    topic: [String.raw`\bself harm\w*|\bsuicid\w*|\boverdos\w*|\bligatures?\b|\beating disorder|\banorexi\w*|\bbulimi\w*`],
  },
  {
    category: 'sexual',
    harm: [
      String.raw`\btouch(?:es|ed|ing)? ${OBJ}\b|\btouching (?:me|her|him) up\b|\b(?:being|been|was|were|is|got|get) touched\b`,
      String.raw`\btouch\w* (?:\w+ ){0,3}(?:private|privates|bottom|bum|bums|willy|penis|vagina|genitals|breasts?|boobs|chest|between (?:my|her|his) legs)\b`,
      String.raw`\b(?:cut|hurt|hurts|touch\w*|pain|bleeding)\b.{0,20}\bdown there\b`,
      String.raw`\brap(?:e|ed|es|ing|ist)\b|\bmolest\w*|\bsexual(?:ly)? (?:things|stuff|pictures|messages|comments|games?)\b`,
      String.raw`\b(?:watch|watching|shows?|showed|showing|send\w*|sent) (?:me |him |her )?(?:porn|explicit)\w*`,
      String.raw`\bno clothes\b|\bnaked\b|\bin (?:my|his|her) pants\b|\bpants down\b|\btop off\b|\bdown (?:my|his|her) (?:trousers|pants|knickers|top)\b`,
      String.raw`\bhand (?:on|up|down|in) (?:my|her|his) (?:leg|thigh|skirt|top|shirt|trousers|knee)\b|\blift\w* (?:up )?(?:my|her|our) skirts?\b|\bkiss\w* ${OBJ}\b`,
      String.raw`\binto (?:bed|the bath|the shower) with ${OBJ}\b|\bwalk\w* in on (?:me|her|him)\b|\bstares? at (?:me|her|him)\b|\bsecret game\b`,
      String.raw`\b(?:made|makes|make|making|force|forces|forced|forcing) (?:me|him|her) (?:to )?(?:do|touch|watch|play) (?:stuff|things|sexual|it|that|his|her)\b|\bdo (?:stuff|things) (?:i|she|he) (?:did not|do not) want\b`,
    ],
    topic: [
      String.raw`\bsexual(?:ly)? (?:assault\w*|abus\w*|touch\w*|activity|contact|harass\w*|violence)\b|\bsexuali[sz]ed\b|\bporn\w*\b|\bprivate parts\b|\bgenitals\b|\binappropriate(?:ly)? (?:touch\w*|messag\w*|texts?|photos?|pictures?|images?|relationship|contact|comments?)\b|\bindecent\b|\bup ?skirt\w*|\bnudes?\b`,
    ],
  },
  {
    category: 'physical',
    harm: [
      String.raw`\b${HITS} (?:me|him|her|(?:our|my|his|her|their) (?:son|daughter|child|kids|children|baby|brother|sister|little \w+))\b`,
      String.raw`\b(?:hurt|hurts|hurting|grab|grabs|grabbed|grabbing|shake|shakes|shook|shaking|push|pushes|pushed|pushing|chuck|chucks|chucked|threw|throws) (?:me|him|her)\b(?! (?:to|into doing|on|forward|further)\b)`,
      String.raw`\bbeat (?:me|him|her|them) up\b|\bbeats? (?:me|him|her)\b`,
      String.raw`\b(?:got|get|gets|getting|been|being|was|were|am|is) (?:hit|punched|kicked|slapped|smacked|beaten|beaten up|battered|belted|strangled|choked|burnt|burned|bitten|whipped|thrown|stabbed|jumped|attacked|hurt|abused|molested|assaulted|shouted at|screamed at|sworn at|locked in)\b(?! out\b)(?! by (?:a |the )?(?:ball|car|bus|door|flu|virus|cuts|budget|storm|snow|strikes?)\b)(?! (?:in|at|during) (?:pe|football|rugby|games|the playground|a match)\b)`,
      String.raw`\bthe belt\b|\bbelt (?:across|on) (?:my|his|her)\b|\b(?:throws?|threw|chuck\w*) (?:\w+ ){0,2}at ${OBJ}\b|\b(?:me|him|her|child|pupil|boy|girl) against the wall\b`,
      String.raw`\bholds? (?:his|her|my) head under\b|\blocks? (?:me|him|her) in\b|\blocked in (?:the|a|my|his|her) (?:cupboard|room|shed|cellar|bedroom)\b`,
      String.raw`\bbruis\w*|\bblack eye\b|\bhand ?print (?:on|across) (?:his|her|my) \w+|\bbite marks?\b|\bcigarette burns?\b|\bburn marks?\b|\bwelts?\b|\bflinch\w*`,
      String.raw`\bmarks (?:on|all over|across|round|around) (?:his|her|my|their|both) (?:arms?|legs?|face|neck|back|body|wrists?|thighs?|chest|stomach|tummy|head|hands?|bottom|bum|ears?|cheeks?|shoulders?)\b|\bmarks (?:from )?where\b|\bleaves? marks\b|\blump on (?:my|his|her) head\b|\bscreaming through the wall\b`,
    ],
  },
  {
    category: 'emotional',
    harm: [
      String.raw`\b(?:says|said|tells|told|calls|called|call|calling)\b(?: \w+){0,3} (?:me|him|her|i am|he is|she is)\b(?: \w+){0,2} (?:worthless|useless|stupid|ugly|fat|disgusting|a mistake|a waste of space|waste of space|a burden|pathetic|a freak|evil|a slag|a slut)\b`,
      String.raw`\bwish(?:es|ed)? (?:i|he|she|you) (?:was|were|had) (?:never been born|never born|dead)\b|\bnever (?:been )?born\b`,
      String.raw`\bno one (?:will )?(?:ever )?(?:loves?|wants) (?:me|him|her)\b|\b(?:does not|do not) want me\b`,
      String.raw`\bput (?:me|him|her) in(?:to)? care\b|\b(?:kick|throw) (?:me|him|her) out\b|\bgive (?:my|his|her) (?:dog|cat|pet|rabbit) away\b`,
      String.raw`\b(?:screams?|screamed|screaming|shouts?|shouted|shouting|yells?|yelled|yelling|swears?|swore) at (?:me|him|her)\b(?! (?:for|to) )`,
      String.raw`\bignores? (?:me|him|her) for (?:days|weeks)\b|\bnot allowed (?:any )?(?:friends|to (?:eat|go out|see|leave))\b|\b(?:do|does) not let (?:me|him|her) (?:eat|out|see|have|go)\b|\bin my room all (?:the )?time\b`,
      String.raw`\bhumiliat\w*|\bcontrols? (?:my|his|her|all|everything)\b|\bchecks? (?:my|his|her) phone\b`,
      String.raw`\b(?:scared|afraid|frightened|terrified|petrified)\b(?: \w+){0,2} (?:of|to go|of going|to be) (?:back )?(?:home|going home|(?:my|his|her|their) ${FAMILY})\b|\bscared of (?:him|her|them)\b|\bbecause of the (?:shouting|screaming|fighting)\b`,
      String.raw`\b(?:do|does|did) not feel safe\b|\bnot safe at home\b|\bunsafe at home\b|\bwet (?:herself|himself) when\b`,
    ],
  },
  {
    category: 'neglect',
    harm: [
      String.raw`\bno food\b|\bnothing to eat\b|\bnot (?:had|eaten) (?:anything|breakfast|tea|dinner|food|lunch)\b|\b(?:have|has) not had (?:breakfast|tea|dinner|anything|food|lunch)\b`,
      String.raw`\b(?:always|constantly|really|very|so|i am) (?:hungry|starving)\b|\bgoing hungry\b|\bforgets? to (?:buy food|feed)\b|\b(?:does not|never) (?:make|give|cook) (?:me |us |him |her )?(?:tea|dinner|breakfast|food)\b`,
      String.raw`\btakes? food from\b|\beats? (?:out of|from) the bins?\b|\bfood from (?:other|the) (?:children|kids|bins)\b`,
      String.raw`\bunwashed\b|\bsmell\w* of (?:urine|wee|pee|smoke)\b|\bno coat\b(?! (?:hooks|pegs|rack))|\bhead lice\b|\bclothes (?:far |way |much )?too small\b|\bsame (?:dirty )?clothes\b|\bteeth are rotten\b|\brotten teeth\b|\bwill not take (?:him|her|them) to the (?:dentist|doctor|gp)\b`,
      String.raw`\bno (?:electric|electricity|heating|gas|hot water|beds?)\b|\b(?:have|has) not had (?:electric|electricity|heating|gas)\b`,
      String.raw`\bleft (?:alone|by (?:them|him|her|my|our) ?sel(?:f|ves)|on (?:my|his|her|their|our) own|home alone|to look after)\b(?! (?:at|by) the (?:gate|door)\b)`,
      String.raw`\bon (?:my|his|her|their) own all (?:night|day|weekend)\b|\balone all (?:night|weekend)\b|\bhome alone\b|\blook(?:s|ing)? after (?:my|the|her|his) (?:little|baby|younger|brothers|sisters|siblings)\b`,
      String.raw`\bno one (?:has |had )?(?:came|come|comes|collected|picked|turned up)\b|\bnot (?:been )?(?:collected|picked up)\b|\bno one (?:to|came to) (?:collect|pick)\b|\bno one (?:at )?home\b`,
      String.raw`\bsleeps all day\b|\balways drunk\b|\b(?:goes|went|go) out for days\b`,
    ],
    topic: [String.raw`\b(?:being|been|is|was|are|signs of|evidence of) neglect\w*|\bneglected (?:child|at home|by)\b|\bneglect at home\b`],
  },
  {
    category: 'child-on-child',
    harm: [
      String.raw`\bpinned (?:me|him|her) down\b|\bforces? (?:me|him|her)\b|\bforced (?:me|him|her)\b|\b(?:dump|leave) me if\b`,
      String.raw`\b(?:beat|beats|fight|fights|hit|kicked|slapped|jumped|attacked)\b.{0,60}\b(?:film|filmed|filming|posted|videoed)\b`,
      String.raw`\b(?:hurt|kill|get|beat)\b.{0,30}\bif (?:i|you|she|he) (?:tell|tells|told|say)\b`,
      String.raw`\brumou?rs?\b.{0,40}\b(?:slept with|pictures?|nudes?|sex)\b|\bfake (?:picture|photo|nude|video)\w*`,
      String.raw`\bgrab\w* (?:\w+ ){0,2}(?:bums?|bottoms?|breasts?|boobs)\b|\brate\w* the girls\b|\bwhat (?:they would|theyd) do to (?:us|me|her)\b`,
      String.raw`\b(?:sharing|shared|share|passing|passed) (?:round |around )?(?:a |the )?${IMAGES} of (?:a|an|the|her|him|me|my|another)\b`,
    ],
  },
  {
    category: 'online',
    harm: [
      String.raw`\bkeep (?:it|this|us|things|them) (?:a )?secret\b|\b(?:our|a) (?:little |special )?secret (?:from|between)\b|\b(?:its|it is|our) (?:little |special )?secret\b(?! santa)`,
      String.raw`\b(?:do not|not to|never|dont) tell (?:anyone|anybody|any body|your (?:mum|dad|parents|teacher)|my (?:mum|dad|parents)|people|no one)\b|\bnot to tell\b|\bdelete (?:our|the|my) (?:chats?|messages|texts)\b`,
      String.raw`\bi (?:sent|send|shared) (?:him |her |them |someone |a \w+ )?(?:some |my )?(?:nudes?|pictures|photos|videos|selfies)\b|\b(?:send|sent|asking for|asks for|asked for|wants|want|get) (?:me |him |them )?(?:some |more )?(?:nudes|videos|pictures) (?:or|of)\b`,
      String.raw`\b(?:send|sending|sent|ask\w* for|wants?|keeps? asking for) (?:me |him |her )?(?:more )?nudes\b|\bmoney for (?:pictures|photos|videos)\b|\bfor (?:more )?(?:pictures|videos) of\b`,
      String.raw`\b${IMAGES} of (?:me|myself|herself|himself|themselves|my body)\b.{0,20}\b(?:in|with|without)\b|\bpicture of me in\b`,
      String.raw`\bunless (?:i|you|he|she) (?:pay|send|do)\b|\bor (?:he|she|they) (?:will|would) (?:send|share|post|tell|show)\b|\bthreaten\w* to (?:share|post|send|leak|expose|show)\b|\b(?:share|post|send|show) (?:them|my|the pictures|it) (?:to|with) (?:everyone|my school|my friends|my family)\b|\bblackmail\w*`,
      String.raw`\b(?:meet|meeting|met) (?:up|him|her|them|someone)\b.{0,60}\b(?:online|instagram|snapchat|tiktok|roblox|discord|fortnite|minecraft|game|gaming|app)\b|\b(?:online|instagram|snapchat|tiktok|roblox|discord|fortnite|minecraft|game|gaming)\b.{0,60}\b(?:meet up|meet me|meet him|to meet|my address|where i live)\b`,
      String.raw`\bonline (?:boyfriend|girlfriend|friend)\b|\bmature for (?:her|his|your|my) age\b|\b(?:way )?older (?:man|guy|gamer|woman)\b|\bgrown (?:up )?man\b`,
      String.raw`\b(?:boyfriend|girlfriend) is (?:1[89]|[2-9]\d)\b|\b(?:sends?|sent|buys?|bought|gives?|gave|giving) (?:me|him|her) (?:presents|gifts|money|vodka|alcohol|drink|drinks|drugs|weed)\b`,
    ],
    topic: [String.raw`\bsextort\w*|\b(?:being|been|was|is) groomed\b|\bintimate (?:image|picture|photo|video)s?\b|\bgroom(?:ed|ing)\b`],
  },
  {
    category: 'exploitation',
    harm: [
      String.raw`\b(?:second|2nd|burner) phone\b|\bgave (?:me|him|her) a phone\b`,
      String.raw`\b(?:drop|dropping|deliver\w*|carry|carrying|hold|holding|keep|keeping|move|moving|stash\w*) (?:off )?(?:packages?|parcels?|stuff|drugs|gear|bags?|things|wraps) (?:for|at|in)\b|\b(?:drop|deliver) packages\b|\bcarry for (?:them|him)\b`,
      String.raw`\b(?:doing|do|did) runs\b|\b(?:sell|selling|sold|deal|dealing|run|running|ran) (?:drugs|weed|coke|cannabis|gear)\b|\btrap ?house\b|\bcling ?film\w* (?:wraps|bags|packages)\b|\bwraps (?:in|of) (?:his|her|my|the) (?:bag|pocket|room)\b`,
      String.raw`\bowe (?:them|him|her|some \w+) money\b|\bin debt (?:forever|to them|to him)\b`,
      String.raw`\b(?:picked up|collected) (?:from \w+(?: \w+){0,3} )?by (?:\w+ ){0,2}(?:men|man|guys|adults|cars)\b|\bmen in cars\b|\bolder (?:men|lads|boys|guys)\b|\bhotel (?:key|room)\w*`,
      String.raw`\bunexplained (?:money|cash|gifts)\b|\bmoney (?:he|she|they) (?:cannot|can not) explain\b|\bexpensive (?:gear|trainers|clothes|phone)\b|\bnew (?:trainers|phone|clothes)\b.{0,40}\b(?:cash|money|disappear\w*|missing)\b`,
      String.raw`\bworking for (?:someone|some \w+|them|a man|older)\b|\bsleep with (?:his|their|them|him)\b|\bfor weed\b|\bparties where\b|\bkeeps? disappearing\b|\b(?:a|the|his|their) gang\b|\bgang (?:members?|made|makes|is)\b`,
      String.raw`\bmak(?:e|es|ing) (?:me|him|her) (?:run|carry|sell|hold|sleep)\b`,
    ],
    topic: [String.raw`\bcounty lines\b(?! of\b)|\bcriminal(?:ly)? exploit\w*|\bsexual(?:ly)? exploit\w*|\bchild (?:sexual |criminal )?exploitation\b|\bcse\b|\bcce\b|\btraffick\w*|\bexploited by\b`],
  },
  {
    category: 'domestic-abuse',
    harm: [
      String.raw`\b(?:${FAMILY}|he|she) (?:\w+ ){0,2}(?:hurt|hurts|hits|hit|beat|beats|punched|kicked|strangled|choked|pushed|slapped|attacked|stabbed|threatened to kill|threatens to kill|is angry at|shouts at|screams at) (?:my )?(?:mum|mummy|mother|dad|daddy|nan)\b`,
      String.raw`\bpolice (?:came|come|attended|were called|called|turned up|arrived|were out) (?:to |at )?(?:the |our |my |his |her |their )?(?:house|home|flat)\b`,
      String.raw`\bthreaten\w* to kill\b|\b(?:he|she|they) (?:will|would) kill (?:her|me|mum|us|him)\b|\bhad a knife\b|\bsmash\w* (?:up )?(?:the|our|my|his|her) (?:house|flat|home|stuff|things|windows?|door|tv|phone)\b|\bshouting and smashing\b|\bhide under (?:my|the) bed\b|\bcrying on the floor\b`,
      String.raw`\bcontrols? (?:all )?the money\b|\bwill not let (?:me|her|him|mum) see\b|\b(?:hits|hit|hurts) me and the (?:kids|children)\b`,
    ],
    topic: [String.raw`\bdomestic (?:violence|abuse|incident)\b|\boperation encompass\b|\bcoercive control\b`],
  },
  {
    category: 'fgm',
    harm: [
      String.raw`\b(?:i|i am|she|she is|her|girls?|sister|daughter|cousin)\b(?: \w+){0,5} (?:be|being|get|got|getting|was|been) cut\b(?! (?:from|out|short|off)\b)`,
      String.raw`\bbecome a woman\b|\bpurif\w*|\bwalks? stiffly\b|\boperation (?:on|over the) holidays?\b|\bafter the cutting\b`,
    ],
    topic: [String.raw`\bfgm\b|\bfemale genital\b|\bgenital mutilation\b|\bcutting ceremony\b|\bcircumcis\w*`],
  },
  {
    category: 'forced-marriage',
    harm: [
      String.raw`\b(?:make|makes|making|made|force|forcing|forced) (?:me|her|him) (?:to )?(?:marry|get married|into (?:a |an )?(?:marriage|engagement))\b|\bmarry (?:me |her |him )?off\b|\bmarry (?:my|a|her|his) cousin\b`,
      String.raw`\bpicked (?:a |the )?(?:husband|wife)\b|\b(?:husband|wife) for (?:me|her|him)\b|\barranged (?:for (?:me|her|him) to marry|marriage)\b|\bto (?:get married|marry)\b.{0,40}\b(?:not|never|will not) (?:be )?coming back\b`,
      String.raw`\bdo not want to (?:get married|marry)\b|\b(?:taken|taking|take|go|going|sent) (?:me |her |him )?(?:to|back to) \w+ to (?:get married|marry|be married)\b|\btook (?:my|her|his) passport\b`,
      String.raw`\bsay no to the (?:engagement|wedding|marriage)\b|\bbring shame\b|\bno choice\b.{0,30}\bmarr|\bmarr\w*\b.{0,40}\bno choice\b|\bman (?:she|i) (?:has|have) never met\b`,
    ],
    topic: [String.raw`\bforced (?:into )?marriage\b|\bhonou?r based (?:abuse|violence)\b`],
  },
  {
    category: 'radicalisation',
    harm: [
      String.raw`\bkuffar\b|\bkafir\w*|\brace war\b|\bswastikas?\b|\bbehead\w*|\bmass shoot\w*|\bschool shooting\b|\bshoot up (?:the|our) school\b|\bbomb (?:the|a|our)\b|\bwiped out\b`,
      String.raw`\bjoin(?:ing)? (?:isis|daesh|his group|their group|them|the fight|the cause|the people)\b|\bfight for the cause\b|\bviolence is the only way\b|\btravel to join\b|\bextremist (?:videos?|content|material|group|propaganda|views)\b|\bsave our country\b|\bschool is haram\b`,
    ],
    topic: [String.raw`\bradicali[sz]\w*|\bextremis\w*|\bfar right\b|\bisis\b|\bdaesh\b|\bjihad\w*|\bneo ?nazi\w*|\bincel\w*`],
  },
  {
    category: 'serious-violence',
    harm: [String.raw`\bjumped (?:my|me|him|her)\b|\b(?:they are|he is|she is) coming for (?:me|him|her|us)\b(?! at\b)|\b(?:i am|im) next\b(?! (?:in|on|to|for)\b)|\bgoing to (?:stab|kill|shoot) (?:me|him|her)\b`],
    topic: [String.raw`(?<!\ba )\bstab(?:s|bed|bing)?\b|\bslash\w*|\bmachetes?\b|\bknife\b|\bknives\b|\bblades?\b|\bguns?\b|\bshank\w*|\bweapons?\b`],
  },
  {
    category: 'missing',
    harm: [
      String.raw`\b(?:he|she|they|i|child|pupil|girl|boy|son|daughter|sister|brother|friend|mate|kid|student|y\d{1,2})\b(?: \w+){0,3} (?:has |have |had |keeps |kept )?(?:gone|going|goes|went|been|is|was) missing\b|\breported (?:her|him|them) missing\b|\bmissing (?:from (?:home|care)|overnight)\b`,
      String.raw`\bran away\b|\brun(?:ning)? away from home\b|\b(?:did not|has not|have not|never|not) (?:come|came|been) home\b|\bnot been seen since\b|\bno one knows where (?:she|he|they) (?:is|are)\b`,
      String.raw`\bslept (?:in the park|rough|on the street|outside)\b|\bsleeping rough\b|\bstaying at random\b|\bcannot go home\b|\bhouse looks empty\b|\b(?:family|mum|dad|parents) not answering\b`,
    ],
    topic: [String.raw`\bmissing (?:from )?education\b`],
  },
  {
    category: 'concern',
    harm: [
      String.raw`\b(?:worried|concerned|worries|concerns?|worry) (?:about|for) (?:a|the|this|one|my|our)? ?${KID}(?:s)?(?: \w+){0,3} (?:safety|welfare|home life|at home|going home)\b`,
      String.raw`\b(?:safeguarding|child protection|cp) concerns? (?:about|for|re|regarding) (?:a|the|this|one|my|our)? ?${KID}`,
      String.raw`\btold (?:me|us) a secret about (?:her|his|their) ${FAMILY}\b`,
    ],
    topic: [String.raw`\bdisclosed\b|\bdiscloses\b|\bdisclosing\b|\bmade a disclosure\b|\bdisclosures? (?:from|by|about|this|today)\b`],
  },
];

/**
 * Words that make a sentence about a policy, training or process, so that the topic words in it
 * ("FGM training completed", "allegations policy reviewed") are improvement talk. They never
 * excuse a `harm` pattern.
 */
export const PROCESS = String.raw`\b(?:polic(?:y|ies)|procedures?|process(?:es)?|training|trained|awareness|guidance|curriculum|lessons?|modules?|course|workshops?|sessions?|assembl(?:y|ies)|briefings?|briefed|briefing|refresher|toolkit|leaflets?|duty|risk assessments?|network|audit|prevention|strategy|framework|resources|covered|reviewed|ratified|updated|booked|planned|studied|taught (?:in|across|to (?:all|every|the|year|y\d))|(?:sex|relationships|health|drugs?) education|education (?:team|officer|programme)|units?|scheme of work|history (?:of the|lessons?|curriculum|department|unit|topic)|in history|newsletter|consultation|champions?|first aid|inset|induction|handbook|contact details|conference|webinar|cpd|kcsie|protocol|pathway|posters?|campaign|referral process|talk for parents)\b`;
