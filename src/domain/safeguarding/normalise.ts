// Puts what people actually type (phone keyboards, text-speak, spelling by ear) into one plain
// form, so the patterns are written once: lower case, no apostrophes ("mum's" → "mums",
// "don't" → "do not"), hyphens as spaces ("self-harm" → "self harm"), letters typed over and over
// squeezed ("sooo" → "so"), and common text-speak and misspellings spelled out.

/** Whole words only, after apostrophes are dropped. */
const WORDS: Record<string, string> = {
  // text-speak
  u: 'you', ur: 'your', r: 'are', n: 'and', 'b4': 'before', '2day': 'today', '2nite': 'tonight', tonite: 'tonight',
  nite: 'night', nites: 'nights', '4ever': 'forever', sum1: 'someone', some1: 'someone', any1: 'anyone', ne1: 'anyone',
  every1: 'everyone', evry1: 'everyone', no1: 'no one', noone: 'no one', nobody: 'no one', wud: 'would', cud: 'could', shud: 'should',
  cos: 'because', coz: 'because', cuz: 'because', bc: 'because', bcos: 'because', becuase: 'because', becoz: 'because',
  kms: 'kill myself', kys: 'kill yourself', bf: 'boyfriend', gf: 'girlfriend', bff: 'best friend', ppl: 'people',
  skl: 'school', skool: 'school', wanna: 'want to', gonna: 'going to', gotta: 'got to', wiv: 'with', wid: 'with',
  pic: 'picture', pics: 'pictures', pix: 'pictures', piccy: 'picture', piccies: 'pictures', vid: 'video', vids: 'videos',
  snt: 'sent', dm: 'message', dms: 'messages', dmd: 'messaged', dmed: 'messaged', msg: 'message', msgs: 'messages',
  msgd: 'messaged', txt: 'text', txts: 'texts', txtd: 'texted', snap: 'snapchat', insta: 'instagram', ig: 'instagram',
  luv: 'love', lil: 'little', bro: 'brother', sis: 'sister', thru: 'through', wen: 'when', wot: 'what', wat: 'what',
  tbh: '', ngl: '', lol: '', smh: '', idk: "i do not know", pls: 'please', plz: 'please', rn: 'right now',
  // family words, one spelling each
  mam: 'mum', mom: 'mum', mommy: 'mummy', mams: 'mums', moms: 'mums', nanna: 'nan', nana: 'nan', nannas: 'nans',
  stepdad: 'step dad', stepdads: 'step dads', stepfather: 'step dad', stepmum: 'step mum', stepmom: 'step mum',
  stepmother: 'step mum', fella: 'boyfriend', fellas: 'boyfriends', daddys: 'daddy', mummys: 'mummy',
  // contractions, once the apostrophe is gone
  im: 'i am', ive: 'i have', id: 'i would', hes: 'he is', shes: 'she is', theyre: 'they are', theyve: 'they have',
  theres: 'there is', dont: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'cannot', wont: 'will not',
  isnt: 'is not', wasnt: 'was not', havent: 'have not', hasnt: 'has not', hadnt: 'had not', wouldnt: 'would not',
  shouldnt: 'should not', arent: 'are not', werent: 'were not', whats: 'what is', thats: 'that is', hell: 'he will',
  shell: 'she will', theyll: 'they will', youre: 'you are', ill: 'i will',
  // spelling by ear
  ther: 'there', realy: 'really', rly: 'really', frend: 'friend', frends: 'friends', freind: 'friend', freinds: 'friends',
  privat: 'private', privet: 'private', cubord: 'cupboard', cubbord: 'cupboard', kiks: 'kicks', kik: 'kick',
  brekfast: 'breakfast', brekky: 'breakfast', scarred: 'scared', scard: 'scared', touchs: 'touches', tuches: 'touches',
  tuched: 'touched', hurted: 'hurt', hitted: 'hit', rumors: 'rumours', rumor: 'rumour', selfharm: 'self harm',
  selfharming: 'self harming', sucide: 'suicide', suicidle: 'suicidal', bruses: 'bruises', brused: 'bruised',
  brusies: 'bruises', abuseing: 'abusing', neglected: 'neglected', nudez: 'nudes', secrit: 'secret', secert: 'secret',
  babysiter: 'babysitter', grandads: 'grandad', granddad: 'grandad', boyfreind: 'boyfriend', girlfreind: 'girlfriend',
  wierd: 'weird', anoying: 'annoying', storys: 'stories', wanted: 'wanted', shoutin: 'shouting', screamin: 'screaming',
};

export function normalise(text: string): string {
  const flat = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4']/g, '')
    .replace(/[\u201c\u201d"]/g, ' ')
    .replace(/\b(mr|mrs|ms|dr|st)\./g, '$1')
    .replace(/[-\u2010-\u2015_/]+/g, ' ')
    .replace(/([a-z])\1{2,}/g, '$1');
  return flat.replace(/[a-z0-9]+/g, (w) => WORDS[w] ?? w).replace(/[ \t]+/g, ' ').trim();
}

/** Sentences, so that "training on FGM" in one sentence does not excuse a concern in the next. */
export function sentences(normalised: string): string[] {
  return normalised.split(/[.!?;\n\r]+/).map((s) => s.trim()).filter(Boolean);
}
