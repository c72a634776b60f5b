// Numbers written as words, shared by the stages that read them: figures ("twelve soldiers"),
// durations ("after seven decades of"), ordinals ("the second country to") and the conflict
// messages that write ranks back as words.

/** Cardinal words and their values; "one" is left out (it is a pronoun as often as a number). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

/** Ordinal words indexed by their rank: ORDINAL_WORDS[2] is "second". */
export const ORDINAL_WORDS: readonly string[] = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];
