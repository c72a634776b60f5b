// The one compiled matcher over the whole gazetteer, shared by the finder and the reference
// resolver (built once, at module load).
import { gazetteer } from './gazetteer.ts';
import { FormTrie } from './matcher.ts';

/** Every gazetteer form in one trie. */
export const trie = new FormTrie(gazetteer.forms);
