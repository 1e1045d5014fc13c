/**
 * English forms no suffix stripping reaches: the past tenses and participles of the irregular
 * verbs, and the irregular plurals. Snowball leaves "known", "built", "taken", "men" as they are,
 * so without this a question's "known" never meets a dictionary's "know". One line per base
 * form: `base: form form …`. Forms that are mostly words of their own (ground, wound, bound,
 * born, data, media) are left out: the base is an extra reading of the word, never a
 * replacement, but a wrong extra reading still brings its translations into the query.
 */
const TABLE = `
arise: arose arisen
awake: awoke awoken
be: was were been
bear: bore borne
beat: beaten
become: became
begin: began begun
bend: bent
bite: bit bitten
bleed: bled
blow: blew blown
break: broke broken
breed: bred
bring: brought
build: built
burn: burnt
buy: bought
catch: caught
choose: chose chosen
cling: clung
come: came
creep: crept
deal: dealt
dig: dug
do: did done
draw: drew drawn
dream: dreamt
drink: drank drunk
drive: drove driven
eat: ate eaten
fall: fell fallen
feed: fed
feel: felt
fight: fought
find: found
flee: fled
fling: flung
fly: flew flown
forbid: forbade forbidden
forget: forgot forgotten
forgive: forgave forgiven
freeze: froze frozen
get: got gotten
give: gave given
go: went gone
grow: grew grown
hang: hung
have: had
hear: heard
hide: hid hidden
hold: held
keep: kept
kneel: knelt
know: knew known
lay: laid
lead: led
lean: leant
leap: leapt
learn: learnt
leave: left
lend: lent
lie: lain
light: lit
lose: lost
make: made
mean: meant
meet: met
mislead: misled
mistake: mistook mistaken
overcome: overcame
overtake: overtook overtaken
overthrow: overthrew overthrown
pay: paid
prove: proven
ride: rode ridden
ring: rang rung
rise: rose risen
run: ran
say: said
see: saw seen
seek: sought
sell: sold
send: sent
sew: sewn
shake: shook shaken
shine: shone
shoot: shot
show: shown
shrink: shrank shrunk
sing: sang sung
sink: sank sunk
sit: sat
slay: slew slain
sleep: slept
slide: slid
speak: spoke spoken
speed: sped
spend: spent
spin: spun
spit: spat
spring: sprang sprung
stand: stood
steal: stole stolen
stick: stuck
sting: stung
stink: stank stunk
strike: struck stricken
strive: strove striven
swear: swore sworn
sweep: swept
swim: swam swum
swing: swung
take: took taken
teach: taught
tear: tore torn
tell: told
think: thought
throw: threw thrown
tread: trod trodden
understand: understood
undertake: undertook undertaken
wake: woke woken
wear: wore worn
weave: wove woven
weep: wept
win: won
withdraw: withdrew withdrawn
write: wrote written
child: children
foot: feet
goose: geese
louse: lice
man: men
mouse: mice
ox: oxen
person: people
tooth: teeth
woman: women
wife: wives
life: lives
knife: knives
wolf: wolves
half: halves
leaf: leaves
thief: thieves
shelf: shelves
analysis: analyses
crisis: crises
thesis: theses
basis: bases
phenomenon: phenomena
criterion: criteria
nucleus: nuclei
stimulus: stimuli
`;

const BASE_OF = new Map<string, string>();
for (const line of TABLE.trim().split('\n')) {
  const [base, forms] = line.split(':');
  for (const form of forms!.trim().split(' ')) BASE_OF.set(form, base!);
}

/** The base form of a folded English word written irregularly ("known" → "know"), or undefined. */
export function irregularBase(folded: string): string | undefined {
  return BASE_OF.get(folded);
}
