// The second net, for wordings the patterns have never seen. The patterns (patterns.ts) match
// phrases; on text written after they were tuned they caught barely a fifth of concerns, because
// people describe harm in endless ways. This layer reads a sentence as a bag of signals instead:
// a word that almost only turns up when someone is being harmed (`strong`), or two weaker signs
// of harm (`weak`), each said about a person (`PERSON`). Improvement talk rarely does either.
// Sentences about a policy or training are skipped, as for topic words.
import type { Category } from './patterns';

interface Signal {
  category: Category;
  strong?: string;
  /** Two different ones make a signal. */
  weak?: string;
  /** The category's signals count only in a sentence that also says this (an adult working with children). */
  needs?: string;
}

const B = (s: string) => String.raw`\b(?:${s})\b`;

export const SIGNALS: readonly Signal[] = [
  {
    category: 'physical',
    strong: B(String.raw`bleed\w*|bled|bloody (?:nose|lip)|blood (?:on|all over|everywhere)|split lip|fat lip|swollen (?:eye|face|lip|cheek|arm|hand)|broke (?:my|his|her) (?:arm|wrist|nose|leg|ribs?|finger|jaw)|lays? into|laid into|pinch(?:es|ed|ing)? (?:me|him|her)|pull(?:s|ed|ing)? (?:my|his|her) hair|(?:hold|holds|held|holding) (?:me|him|her) down|sits? on (?:me|him|her)|twist(?:s|ed)? (?:my|his|her) arm|scald\w*|walked into a door|fell down the stairs again|bruis\w*|black eye`),
    weak: B(String.raw`hit|hits|hitting|hurt|hurts|hurting|kick\w*|slap\w*|smack\w*|punch\w*|shove\w*|grab\w*|shak(?:e|es|ing)|threw|throws|belt|burn\w*|sore|injur\w*|limp\w*|battered|beaten|violent|pain`),
  },
  {
    category: 'sexual',
    strong: B(String.raw`naked|nude|nudes|strip(?:ped|ping)?|clothes (?:were |was )?off|(?:my|her|his) (?:top|pants|knickers|bra|trousers|clothes) off|private (?:bits|parts|places)|privates|willy|penis|vagina|boobs|porn\w*|sex|sexual|sexually|did (?:things|stuff) to (?:me|him|her)|(?:came|comes|gets|got|climbs?|climbed) in(?:to)? (?:my|her|his) bed|(?:photos?|pictures?|videos?) of (?:me|her|him) (?:in the bath|in the shower|in bed|undress\w*)|tickles (?:me|her|him) (?:in|under|down)|rape\w*|molest\w*`),
    weak: B(String.raw`touch\w*|tickl\w*|kiss\w*|undress\w*|remember anything|woke up`),
  },
  {
    category: 'self-harm',
    strong: B(String.raw`(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|scratch|scratching|burn|burning|punish|punishing|starve|starving|hate) (?:my|him|her|them) ?sel(?:f|ves)|suicid\w*|overdos\w*|sleep forever|never wake up|go to heaven|be with (?:my )?(?:nan|grandad|mum|dad) in heaven|(?:saved|saving|stockpil\w*|hoard\w*) (?:up )?(?:\w+ ){0,2}(?:tablets|pills|paracetamol)|till (?:they|it) bleeds?|no reason to live|disappear forever|should (?:just )?die`),
    weak: B(String.raw`die|dying|dead|death|pills|paracetamol|blade|scratch\w*|cuts|worthless|hopeless|pointless|give up|no one would (?:care|miss me)|goodbye|forever|sleep`),
  },
  {
    category: 'neglect',
    strong: B(String.raw`no (?:dinner|tea|breakfast|lunch|food|shoes|socks|coat|bed|heating|gas|electric|electricity|water) (?:again|at home|for days|since)|(?:falling asleep|fainted|fainting) (?:in class )?(?:from|with|because of) hunger|from hunger|starving at home|nobody feeds|no one feeds|(?:same|dirty|unwashed) (?:uniform|clothes) (?:for|every|all)|(?:left|leaves|leave) (?:me|him|her|them|us) (?:on (?:my|his|her|their|our) own|alone|by (?:my|him|her|them|our)sel(?:f|ves))|gone since|been gone (?:since|for)`),
    weak: B(String.raw`hungry|hunger|starving|no food|nothing to eat|no dinner|no tea|no breakfast|no one came|nobody came|not collected|alone|on my own|by myself|dirty|smell\w*|unwashed|no shoes|lice|drunk|sleeps all day|look after`),
  },
  {
    category: 'emotional',
    strong: B(String.raw`(?:the reason|to blame|why) (?:her|his|their|my mums?|my dads?) (?:life|lives) (?:is|are) ruined|(?:lock|locks|locked) (?:the|me out of the) (?:fridge|food|cupboards)|(?:made|makes) to sleep (?:in|outside|on)|sleep in the (?:shed|garden|car|cupboard|cellar|hallway)|(?:police|social services|social workers?) (?:will|are going to|gonna) take (?:me|him|her) away|bad (?:boy|girl) and`),
    weak: B(String.raw`shout\w*|scream\w*|yell\w*|swears? at|swore at|scared|frightened|terrified|afraid|petrified|threat\w*|punish\w*|locked|lock|ignore\w*|worthless|blame\w*|ruined|take me away|cannot eat|can not eat`),
  },
  {
    category: 'exploitation',
    strong: B(String.raw`or else|(?:a|the) bag for (?:them|him)|(?:pays?|paid|paying) (?:me|him|her) (?:in|with) |gift cards?|passes (?:me|her|him) (?:round|around)|pass(?:ed)? (?:me|her|him) (?:round|around)|flat in another|another county|county lines|trap house|drugs?|weed|cocaine|coke|ket|cannabis|nitrous|runs? for`),
    weak: B(String.raw`cash|designer|them lot|go up to|gone up to|(?:his|her) mates|debt|owe|hotel|alcohol|vodka`),
  },
  {
    category: 'domestic-abuse',
    strong: B(String.raw`(?:pulled|pulls|pulling) (?:mummys|mums|my mums|her) hair|broke (?:mummys|mums|my mums|her) (?:arm|nose|wrist|jaw)|(?:hitting|hits|hit|beating|beats|beat|hurting|hurts|hurt|attacked|attacking|strangl\w*|chok\w*) (?:my |her )?(?:mum|mummy|mother|wife|partner)|say she fell|told (?:her|mum|mummy) to say`),
    weak: B(String.raw`police|arguing|drunk|shouting|screaming|smash\w*|hospital|frightened|scared|angry|temper`),
  },
  {
    category: 'fgm',
    strong: B(String.raw`the cut|have the cut|get cut|be cut|being cut|special (?:operation|ceremony|party)|become a woman|circumcis\w*|fgm|cutter`),
  },
  {
    category: 'forced-marriage',
    strong: B(String.raw`(?:marry|marrying|married|wedding|engaged|engagement|husband|wife)\b.{0,60}\b(?:twice my age|older than|one way ticket|no choice|forced?|making me|make me|made me|sent|sending me|planned for (?:me|her)|arranged|booked|do not want|dont want|against (?:my|her) will|never met)|(?:twice my age|one way ticket|sent to|sending me to|taking me to|no choice|forced?|arranged|booked|against (?:my|her) will)\b.{0,60}\b(?:marry|marrying|married|wedding|engaged|engagement|husband)`),
  },
  {
    category: 'radicalisation',
    strong: B(String.raw`kill (?:the|all|those) (?:people|\w+s) who|white power|white pride|infidels?|kuffar|kafir\w*|attack(?:ing)? (?:a|the) (?:synagogue|mosque|church|temple|gurdwara)|bomb(?:s|ed|ing)? (?:the|a|our)|bombs?|terroris\w*|martyr\w*|holy war|race war|ethnic cleansing|remigration|great replacement|nazi\w*|swastika\w*|isis|jihad\w*`),
    weak: B(String.raw`insult (?:our|my) religion|religion|race|races|extreme|starting to agree|they are right|deserve to die`),
  },
  {
    category: 'serious-violence',
    strong: B(String.raw`knife|knives|blade|machete|shank\w*|stab|stabs|stabbed|stabbing|gun|guns|shoot (?:me|him|her|them|us|up)|weapon\w*|for protection|acid attack`),
  },
  {
    category: 'missing',
    strong: B(String.raw`(?:has not|have not|hasnt|not) been (?:home|seen|back)|not going (?:back )?home|never going (?:back )?home|(?:ran|run|running) away|staying with (?:a|some|this) (?:guy|man|bloke|woman|older)|missing (?:since|for)|whereabouts`),
    weak: B(String.raw`did not arrive|not in school|no one knows|nobody knows|missing|disappear\w*|guy i met|man i met`),
  },
  {
    category: 'adults',
    strong: B(String.raw`(?:come|go|went|came) (?:to|round to|back to) (?:his|her) (?:house|flat|home|car)|(?:personal|own) (?:phone|mobile|number|email|account)|late at night|(?:gives|gave|buys|bought) (?:me|him|her) (?:sweets|presents|gifts|money|vapes?)|(?:not|never) (?:to )?tell (?:my|your|his|her) (?:parents|mum|dad)|tickles (?:me|him|her)`),
    needs: B(String.raw`teacher|sir|miss|mr|mrs|ms|coach|tutor|cover supervisor|supervisor|instructor|leader|the man at|the woman at|a man at|staff|colleague|ta|driver|caretaker|volunteer`),
  },
];

/** Said about a person (the child, the speaker, a family member): harm words about things are not a concern. */
export const PERSON = String.raw`\b(?:i|me|my|myself|us|he|him|his|she|her|they|them|their|mum|mummy|mums|dad|daddy|dads|step|uncle|aunt|auntie|nan|gran|grandad|brother|sister|cousin|boyfriend|girlfriend|partner|husband|wife|child|children|kid|kids|boy|girl|lad|son|daughter|baby|sibling|siblings|twins|pupil|student|friend|mate|y\d{1,2}s?|year \d{1,2}s?|reception)\b`;
