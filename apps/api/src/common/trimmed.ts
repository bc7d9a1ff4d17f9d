import { Transform } from 'class-transformer';

/** Text as typed, without the spaces around it: a value of spaces only is then empty and refused by `IsNotEmpty`. */
export const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
