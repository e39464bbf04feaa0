// Every action of DESIGN.md §7 and the use case that carries it.
import { getMe } from './get-me';
import { listSuggestions } from './list-suggestions';

export const USE_CASES = [getMe, listSuggestions] as const;
