// Placeholder: the runtime issue fills this in.
export function request(options: unknown): unknown {
  return options;
}
