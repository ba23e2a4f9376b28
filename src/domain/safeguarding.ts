// A chat bot is no place for a child-protection concern. Text that reads like a disclosure or an
// allegation is not stored; the person is sent to the DSL. This errs on the side of redirecting:
// a false alarm costs one retyped sentence, a stored disclosure costs far more.

const CHILD = String.raw`(?:child|children|pupil|pupils|student|students|kid|kids|boy|girl|he|she|they|him|her|them|year\s*\d+|y\d+|my\s+(?:son|daughter|friend|brother|sister))`;

const PATTERNS: RegExp[] = [
  // Harm done to a child: "he hits me", "her dad hit her", "she said her uncle touches her".
  /\b(?:hit|hits|hitting|beat|beats|beaten|punch(?:es|ed)?|kick(?:s|ed)?|slap(?:s|ped)?|burn(?:s|ed|t)?|strangl\w*|chok(?:e|es|ed|ing))\s+(?:me|him|her|them)\b/i,
  /\b(?:touch(?:es|ed|ing)?|groom(?:s|ed|ing)?|abus(?:e|es|ed|ing)|molest\w*|rap(?:e|ed|ing)|assault(?:s|ed|ing)?)\b.*\b(?:me|him|her|them|child|pupil|student)\b/i,
  /\b(?:sexual(?:ly)?\s+(?:abuse|abused|assault|assaulted|touched|exploit\w*)|inappropriate(?:ly)?\s+touch\w*|indecent\w*|nude (?:photo|picture|image)s?)\b/i,
  // Disclosures in the first person and reports of them.
  /\b(?:disclos(?:e|es|ed|ing|ures?)|told me|said (?:that )?(?:his|her|their|my))\b.*\b(?:hurt|hit|abuse\w*|touch\w*|scared to go home|not safe|unsafe|bruis\w*|marks?)\b/i,
  /\b(?:scared|afraid|frightened) (?:to go|of going) home\b/i,
  /\b(?:doesn'?t|does not|don'?t|do not) feel safe at home\b/i,
  /\b(?:bruis\w*|burns?|marks|injur\w*)\b.*\b(?:on (?:his|her|their) (?:arm|arms|leg|legs|face|neck|back|body))\b/i,
  /\b(?:self[- ]?harm\w*|cutting (?:herself|himself|themselves|myself)|suicid\w*|kill (?:myself|himself|herself|themselves)|want to die)\b/i,
  /\b(?:neglect(?:ed)?|no food at home|not (?:been )?fed|left alone at home|going hungry)\b/i,
  /\b(?:FGM|female genital|forced marriage|county lines|radicali[sz]\w*|trafficked|exploited)\b/i,
  // Allegations against adults who work with children.
  new RegExp(String.raw`\b(?:teacher|staff|member of staff|TA|coach|adult|colleague|mr|mrs|ms|miss)\b.*\b(?:hit|hurt|grabbed|touched|kissed|messag\w+|sent (?:photos|pictures))\b.*\b${CHILD}\b`, 'i'),
  new RegExp(String.raw`\b(?:allegations?|alleged|allege[sd]?)\b`, 'i'),
];

export function looksLikeDisclosure(text: string): boolean {
  // Phones and Word type curly apostrophes ("doesn’t"); the patterns are written with straight ones.
  const t = text.replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'").replace(/\s+/g, ' ');
  return PATTERNS.some((p) => p.test(t));
}

export const SAFEGUARDING_GUIDANCE = {
  title: 'This needs your DSL, not a chat bot',
  steps: [
    'Speak to your Designated Safeguarding Lead (or a deputy) now, today.',
    "Record the concern in your school's safeguarding system (CPOMS or MyConcern), in the words that were used.",
    'If a child is in immediate danger, call 999.',
  ],
  note: 'What you typed has not been saved anywhere.',
};
