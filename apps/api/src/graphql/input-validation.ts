import type { ValidationError as ClassValidatorError } from 'class-validator';
import { ValidationError } from '#application';

function flatten(errors: readonly ClassValidatorError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}

/** The global ValidationPipe's errors as `BAD_USER_INPUT` with the offending fields. */
export function inputValidationError(errors: ClassValidatorError[]): ValidationError {
  const fields = flatten(errors);
  const summary = fields.map((f) => f.message).join('; ');
  return new ValidationError(`Invalid input: ${summary}`, fields);
}
