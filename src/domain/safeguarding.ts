// A chat bot is no place for a child-protection concern. Text that reads like a disclosure or an
// allegation is not stored; the person is sent to the DSL. The detector errs towards redirecting
// (a false alarm costs one retyped sentence, a stored disclosure far more), but ordinary school
// improvement talk must pass: "we hit our attendance target", "allegations policy reviewed",
// "county lines awareness session". So topic words (FGM, self-harm, allegation…) redirect unless
// they are plainly about a policy, training or process; harm done to someone always redirects.
// test/unit/safeguarding.test.ts holds the table of phrases both ways.

const PERSON = String.raw`(?:me|him|her|them|my (?:son|daughter|child|brother|sister)|(?:a|the|one|this|that|our|another) (?:child|pupil|student|boy|girl|kid|lad|teenager)|(?:a |the |one )?(?:y|year ?)\d{1,2}s?(?: (?:boy|girl|pupil|student|child|lad))?)`;
const FAMILY = String.raw`(?:dad|daddy|father|mum|mummy|mom|mother|step-?dad|step-?father|step-?mum|step-?mother|uncle|aunt|auntie|brother|sister|cousin|grandad|grandfather|granddad|nan|nanny|gran|grandma|grandmother|carer|foster (?:carer|mum|dad)|parents?|(?:mum|mother)'s (?:boyfriend|partner)|(?:dad|father)'s (?:girlfriend|partner)|boyfriend|girlfriend|partner)`;
const BODY = String.raw`(?:arms?|legs?|face|neck|back|body|wrists?|thighs?|chest|stomach|tummy|head|hands?|bottom|bum|ears?|eyes?|cheeks?|shoulders?)`;

/** A topic word said about a policy, training or process is improvement talk, not a concern. */
const ABOUT_POLICY_AFTER = String.raw`(?![\s-]+(?:[\w']+[\s-]+)?(?:polic(?:y|ies)|procedures?|training|awareness|guidance|curriculum|lessons?|audits?|briefings?|modules?|course|workshops?|sessions?|assembl(?:y|ies)|network|leads?|updates?|framework|prevention|strategy|toolkit|resources?|pathway|protocol|management|process|log|screening|champion|team)\b)`;
const ABOUT_POLICY_BEFORE = String.raw`(?<!\b(?:training|awareness|polic(?:y|ies)|sessions?|lessons?|assembl(?:y|ies)|guidance|briefing|workshop|course|module|curriculum|procedures?|raising awareness) (?:on|about|of|around|for|covering|re|regarding) (?:the )?(?:[\w']+ )?)`;
const topic = (words: string) => new RegExp(String.raw`${ABOUT_POLICY_BEFORE}\b(?:${words})\b${ABOUT_POLICY_AFTER}`);

export interface Concern {
  kind: 'harm' | 'sexual' | 'disclosure' | 'fear' | 'injury' | 'self-harm' | 'neglect' | 'exploitation' | 'domestic-abuse' | 'allegation' | 'worry';
  pattern: RegExp;
}

export const CONCERNS: readonly Concern[] = [
  // Harm done to someone: "her stepdad hits her", "he kicks me", "someone touched me".
  { kind: 'harm', pattern: new RegExp(String.raw`\b(?:hits?|hitting|beats?|beating|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|burn(?:s|ed|t)|strangl(?:es?|ed|ing)|chok(?:es?|ed|ing)|throttl(?:es?|ed|ing)|shov(?:es?|ed|ing)|grab(?:s|bed|bing)?|hurts?|hurting|touch(?:es|ed|ing)?|abus(?:es?|ed|ing)|molest(?:s|ed|ing)?|rap(?:es?|ed|ing)|assault(?:s|ed|ing)?|threaten(?:s|ed|ing)?|starv(?:es?|ed|ing)|whips?|whipped|belts?|belted) (?:me|him|her)\b(?! (?:up|out|off)\b)`) },
  { kind: 'harm', pattern: /\b(?:gets?|getting|got|being|been|is|was) (?:hit|beaten|beaten up|smacked|slapped|punched|kicked|strangled|choked|abused|molested|raped|assaulted|whipped|belted)\b(?! by (?:the )?(?:flu|covid|illness|sickness|absence|cuts|budget|snow|storm|strikes?|ofsted)\b)/ },
  { kind: 'harm', pattern: new RegExp(String.raw`\b(?:is|was|were|are|been|being) (?:being )?(?:touched|groomed|hurt at home|hurt by (?:his|her|their|my) ${FAMILY}|locked (?:in|up|out))\b`) },
  { kind: 'harm', pattern: new RegExp(String.raw`\b(?:his|her|their|my) ${FAMILY} (?:hits|hit|beats|beat|hurts|hurt|kicks|kicked|punches|punched|slaps|slapped|smacks|smacked|touches|touched|abuses|abused|burns|burnt|burned|chokes|choked|strangles|strangled|threatens|threatened)\b`) },
  // Sexual harm and images.
  { kind: 'sexual', pattern: /\b(?:sexual(?:ly)? (?:abus\w*|assault\w*|touch\w*|activity|contact)|inappropriate(?:ly)? (?:touch\w*|messag\w*|texts?|photos?|pictures?|images?|relationship|contact)|touched (?:her|him|me|them)? ?inappropriately|indecent (?:images?|photos?|exposure)|nudes|nude (?:photos?|pictures?|images?|selfies?)|sexting|upskirt\w*|(?:send|sent|sending) (?:pictures|photos|images) of (?:herself|himself|themselves|myself)|private parts)\b/ },
  // Someone reporting what a child said.
  { kind: 'disclosure', pattern: /\b(?:disclosed|discloses|disclosing|made a disclosure|told (?:me|us|her teacher|his teacher|a (?:teacher|ta|member of staff))|confided|(?:said|says) (?:that )?(?:his|her|their|my))\b.{0,80}\b(?:hit|hits|hitting|abus\w*|touch\w*|scared|afraid|frightened|not safe|unsafe|bruis\w*|beat\w*|kick\w*|punch\w*|slap\w*|smack\w*|burn\w*|knife|weapon|sex\w*|secret)\b/ },
  // Fear of home or of someone.
  { kind: 'fear', pattern: /\b(?:scared|afraid|frightened|terrified|petrified) (?:to go|of going|to be|of being) (?:back )?home\b/ },
  { kind: 'fear', pattern: /\b(?:doesn't|does not|don't|do not|didn't|did not|never|won't) feel safe (?:at home|at school|around|with)\b|\b(?:not|isn't|is not|unsafe) (?:safe )?at home\b/ },
  { kind: 'fear', pattern: new RegExp(String.raw`\b(?:scared|afraid|frightened|terrified|petrified) of (?:his|her|their|my) ${FAMILY}\b`) },
  // Injuries seen on a child.
  { kind: 'injury', pattern: new RegExp(String.raw`\b(?:bruis\w*|burns?|burn marks|cuts|welts|black eye|marks|injur\w*|scratches|bite marks|scars|swelling)\b.{0,40}\b(?:on|to|around|across) (?:his|her|their|my|both) ${BODY}\b`) },
  { kind: 'injury', pattern: /\b(?:he|she|they|pupil|child|boy|girl) (?:has|had|have|came in with|turned up with|arrived with) (?:a |another |more |new |fresh )?(?:bruis\w*|black eye|burn marks?|cigarette burns?|bite marks?|welts|unexplained (?:marks|injur\w*))\b/ },
  // Self-harm and suicide.
  { kind: 'self-harm', pattern: topic(String.raw`self[- ]?harm(?:s|ed|ing)?|suicid(?:e|al)|overdos(?:e|ed|ing)|ligatures?`) },
  { kind: 'self-harm', pattern: /\b(?:cutting|cut|cuts|hurting|hurt|harming|burning|burnt) (?:herself|himself|themselves|myself)\b|\b(?:kill|killing|end) (?:myself|himself|herself|themselves|(?:my|his|her|their) (?:own )?life)\b|\b(?:want(?:s|ed)?|wanting|going) to die\b|\bwish (?:i|he|she|they) (?:was|were) dead\b|\bbetter off dead\b/ },
  // Neglect.
  { kind: 'neglect', pattern: /\b(?:no food (?:at|in the) (?:home|house)|nothing to eat at home|(?:comes?|came|coming|arrives?|arrived) (?:in(?:to school)?|to school) (?:hungry|starving|unwashed|dirty|smelling|smelly)|(?:always|constantly|really|very) hungry|not (?:been )?(?:fed|eaten) (?:since|for)|going hungry|left (?:alone|on (?:his|her|their) own|home alone)(?: at home)? (?:overnight|all night|for days|all weekend|while)|home alone|signs of neglect|being neglected|neglected (?:child|at home|by)|neglect at home|same (?:dirty |soiled )?clothes (?:every day|all week|for days)|no (?:heating|electricity|beds?) at home|sleeps? on the floor)\b/ },
  // Exploitation and harmful practices.
  { kind: 'exploitation', pattern: topic(String.raw`fgm|female genital (?:mutilation|cutting)|genital mutilation|forced (?:into )?marriage|honou?r[- ]based (?:abuse|violence)|county lines|criminal(?:ly)? exploit\w*|sexual(?:ly)? exploit\w*|child (?:sexual |criminal )?exploitation|cse|cce|traffick(?:ed|ing)|radicali[sz](?:ed|ing|ation)|extremis[mt]\w*|grooming|groomed`) },
  { kind: 'exploitation', pattern: /\b(?:running|dealing|selling|holding|carrying) (?:drugs|weed|cannabis|packages) for\b|\b(?:carr(?:y|ies|ying)|brought|brings|had|has) (?:a |an? )?(?:knife|knives|blade|machete|weapon)\b|\b(?:he|she|they|pupil|child|boy|girl) (?:keeps going|goes|went|has gone|had gone|is|was) missing\b|\bmissing from (?:home|care)\b|\bnew (?:phone|trainers|clothes) and (?:cash|money)\b|\bolder (?:men|man|boys|lads) (?:pick(?:ing|s)? (?:her|him|them) up|giving (?:her|him|them))\b|\b(?:go|goes|going|sent|taken) abroad (?:to|for) (?:be cut|a cutting|marriage|get married)\b/ },
  // Domestic abuse at home.
  { kind: 'domestic-abuse', pattern: topic(String.raw`domestic (?:violence|abuse)|operation encompass`) },
  { kind: 'domestic-abuse', pattern: /\b(?:dad|father|stepdad|mum|mother|partner|boyfriend|girlfriend) (?:hits|hit|beats|beat|attacked|strangled|threatened|stabbed) (?:mum|mother|dad|father|her|him)\b|\bpolice (?:were )?called to (?:the|his|her|their) (?:home|house|flat)\b/ },
  // Allegations against adults who work with children.
  // The LADO's outcome of a process ("the LADO has closed the concern") names no one and says nothing new.
  { kind: 'allegation', pattern: topic(String.raw`allegations?|alleged(?:ly)?|alleges?|lado(?! (?:has |have )?(?:closed|confirmed no further action|advised no further action)\b)`) },
  { kind: 'allegation', pattern: new RegExp(String.raw`\b(?:teacher|ta|teaching assistant|staff member|member of staff|colleague|coach|caretaker|site manager|volunteer|supply teacher|tutor|minibus driver|dinner lady|lunchtime supervisor|mr\.? [\w-]+|mrs\.? [\w-]+|ms\.? [\w-]+|miss [\w-]+|sir)\b.{0,60}\b(?:messag(?:es|ed|ing)|text(?:s|ed|ing)|snapchat\w*|dm(?:s|ed|ing)?|whatsapp\w*|kiss(?:es|ed|ing)?|touch(?:es|ed|ing)?|grab(?:s|bed|bing)?|hit|hits|hitting|slap\w*|shov\w*|pushed|dragged|restrain(?:s|ed|ing)|hurt|alone with|gifts? (?:to|for)|lifts? home (?:to|for)?|photos? of|pictures? of|sent (?:photos|pictures|images|messages) to|followed|added)\b(?: [\w']+){0,4}? \b(?:${PERSON}|pupils|students|children|kids|boys|girls)\b(?! (?:parents|families|carers|team|teachers|staff|class teacher|data|results|assessments?|curriculum|maths|english|reading|writing|moderation)\b)`) },
  // Someone saying they are worried about a particular child's safety.
  { kind: 'worry', pattern: /\b(?:worried|concerned|worries|concerns?|worry) (?:about|for) (?:a|the|this|one|my|our)? ?(?:child|pupil|student|boy|girl|kid)(?:'s)?(?: [\w']+){0,3} (?:safety|welfare|home life|at home|going home)\b|\b(?:safeguarding|child protection|cp) concerns? (?:about|for|re|regarding) (?:a|the|this|one|my|our)? ?(?:child|pupil|student|boy|girl|kid|y\d|year)/ },
];

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ');
}

/** The first kind of concern the text reads as, or undefined. */
export function disclosureKind(text: string): Concern['kind'] | undefined {
  const t = normalise(text);
  return CONCERNS.find((c) => c.pattern.test(t))?.kind;
}

export function looksLikeDisclosure(text: string): boolean {
  return disclosureKind(text) !== undefined;
}

export const SAFEGUARDING_GUIDANCE = {
  title: 'This needs your DSL, not a chat bot',
  steps: [
    'Speak to your Designated Safeguarding Lead (or a deputy) now, today.',
    "Record the concern in your school's safeguarding system (CPOMS or MyConcern), in the words that were used.",
    'If a child is in immediate danger, call 999.',
    'If it is about a member of staff, tell your headteacher today (about the headteacher: your Chair of Governors or the trust). They involve the LADO.',
    'If it is about you, talk to an adult you trust, or call Childline free on 0800 1111.',
  ],
  note: 'What you typed has not been saved anywhere.',
};
