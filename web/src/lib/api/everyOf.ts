/**
 * A list the console shows of values the API defines (event types, providers, pricing categories),
 * checked at compile time both ways: nothing the API does not know, and nothing it knows missing —
 * a value the API adds fails to compile where the list is written.
 */
export const everyOf =
  <All extends string>() =>
  <const List extends readonly All[]>(list: List & ([All] extends [List[number]] ? unknown : never)): List =>
    list;
