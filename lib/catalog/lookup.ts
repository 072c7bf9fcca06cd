import type { Category } from './schema';

/** What search and lists need about a code: no card text (cards load on demand). */
export interface LookupEntry {
  code: string;
  name: string;
  category: Category;
  subcategory: string;
  synonyms: string[];
  description: string;
  /** Edition it was deleted in, 0 if current. */
  deleted: number;
  /** Edition it was added in, 0 if it predates the editions tracked. */
  added: number;
  replacedBy: string[];
}

export function categorySlug(category: string): string {
  return category
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
