import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError as ClassValidatorError } from 'class-validator';
import { ValidationError } from '#application';

function flatten(errors: readonly ClassValidatorError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({ field, message, constraint }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}

/** The global ValidationPipe's errors as `BAD_USER_INPUT` with the offending fields. */
export function inputValidationError(errors: ClassValidatorError[]): ValidationError {
  const fields = flatten(errors);
  const summary = fields.map((f) => f.message).join('; ');
  return new ValidationError(`Invalid input: ${summary}`, fields);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Paths of the strings in `value` that are not well-formed Unicode (a lone surrogate), which some validators choke on. */
function malformedStrings(value: unknown, path: string): string[] {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => malformedStrings(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.entries(value).flatMap(([key, inner]) => malformedStrings(inner, path ? `${path}.${key}` : key));
  return [];
}

/** The global validation pipe: refuses text that is not well-formed Unicode before the field validators see it. */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ transform: true, whitelist: true, forbidNonWhitelisted: true, exceptionFactory: inputValidationError });
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const malformed = metadata.type === 'custom' ? [] : malformedStrings(value, '');
    if (malformed.length > 0) {
      const fields = malformed.map((field) => ({ field, message: `${field} is not well-formed text`, constraint: 'invalid' }));
      throw new ValidationError(`Invalid input: ${fields.map((f) => f.message).join('; ')}`, fields);
    }
    return super.transform(value, metadata);
  }
}
