/**
 * Stands in for @1natsu/wait-element in the inline hints' bundle (see wxt.config.ts). WXT's content-script UI module
 * imports it for `autoMount`, which CDT Lens never calls (the card is mounted and removed by its presenter); the real
 * module and what it brings (many-keys-map, defu) cost about 1.3 KB of the 40 KB gzipped budget.
 */
const unused = (): never => {
  throw new Error('CDT Lens does not use autoMount');
};

export const waitElement = unused;
export const isExist = unused;
export const isNotExist = unused;
