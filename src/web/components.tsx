import type { ComponentChildren } from "preact";
import type { FieldErrors } from "#src/lib/errors.ts";
import { isMessageKey, type Translate } from "#src/i18n/i18n.ts";
import type { PageContext } from "#src/web/render.ts";

/** Submitted values to put back into a form that failed validation. */
export type FormValues = Record<string, unknown>;

export const valueOf = (values: FormValues | undefined, name: string): string => {
  const v = values?.[name];
  return typeof v === "string" ? v : v == null ? "" : String(v);
};

const message = (t: Translate, key: string) => (isMessageKey(key) ? t(key) : t("field.invalid"));

/** A form that posts to this site with its anti-forgery token. */
export function Form(props: { ctx: PageContext; action: string; children: ComponentChildren; class?: string }) {
  return (
    <form method="post" action={props.action} class={props.class}>
      <input type="hidden" name="_csrf" value={props.ctx.csrf} />
      {props.children}
    </form>
  );
}

/**
 * Lists a form's problems at its top, each linking to its field (`labels` name the fields; `title`
 * replaces the headline that counts them, for forms that count otherwise, by question; `texts`
 * give a field's message already written, with its parameters).
 */
export function ErrorSummary(props: { t: Translate; errors: FieldErrors | undefined; code?: string | undefined; labels?: Record<string, string>; title?: string | undefined; texts?: Record<string, string> }) {
  const { t, errors, code, labels = {}, texts = {} } = props;
  const entries = Object.entries(errors ?? {});
  if (!entries.length && !code) return null;
  const headline = code && code !== "VALIDATION_FAILED" && isMessageKey(`error.${code}`) ? t(`error.${code}` as never) : (props.title ?? t("common.formHasErrors", { count: entries.length }));
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <p class="error-summary-title">{headline}</p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, key]) => (
            <li>
              <a href={`#f-${field}`}>
                {labels[field] ? `${labels[field]}: ` : ""}
                {texts[field] ?? message(t, key)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type FieldProps = {
  t: Translate;
  name: string;
  label: string;
  errors?: FieldErrors | undefined;
  hint?: string | undefined;
  optional?: boolean;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
};

/** A labelled control with its hint and error message wired for assistive technology. */
export function Field({ t, name, label, errors, hint, optional, children }: FieldProps) {
  const error = errors?.[name];
  const ids = [hint ? `h-${name}` : "", error ? `e-${name}` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field-error" : "field"}>
      <label for={`f-${name}`}>
        {label}
        {optional && <span class="optional"> ({t("common.optional")})</span>}
      </label>
      {hint && (
        <p class="hint" id={`h-${name}`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`e-${name}`}>
          {message(t, error)}
        </p>
      )}
      {children(ids, Boolean(error))}
    </div>
  );
}

type InputProps = Omit<FieldProps, "children"> & {
  values?: FormValues | undefined;
  type?: "text" | "email" | "password" | "search" | "date" | "url";
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  size?: "short" | "medium";
};

/** A text-like input inside a Field. Passwords are never echoed back. */
export function TextField(props: InputProps) {
  const { name, values, type = "text" } = props;
  return (
    <Field {...props}>
      {(describedBy, invalid) => (
        <input
          id={`f-${name}`}
          name={name}
          // Preact types narrow other attributes by input type; ours are all text-like.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the rule misses that Preact picks the attribute types by this union
          type={type as "text"}
          value={type === "password" ? "" : valueOf(values, name)}
          autocomplete={props.autocomplete}
          required={props.required}
          maxLength={props.maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid ? "true" : undefined}
          class={props.size ? `input input-${props.size}` : "input"}
        />
      )}
    </Field>
  );
}

type SelectProps = Omit<FieldProps, "children"> & {
  values?: FormValues | undefined;
  options: [value: string, label: string][];
  /** Label of an empty first option; omit when a choice is required. */
  empty?: string;
  required?: boolean;
};

/** A select inside a Field. */
export function SelectField(props: SelectProps) {
  const selected = valueOf(props.values, props.name);
  return (
    <Field {...props}>
      {(describedBy, invalid) => (
        <select
          id={`f-${props.name}`}
          name={props.name}
          aria-describedby={describedBy}
          aria-invalid={invalid ? "true" : undefined}
          required={props.required}
          class="input"
        >
          {props.empty !== undefined && <option value="">{props.empty}</option>}
          {props.options.map(([value, label]) => (
            <option value={value} selected={value === selected}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A status label: active or deactivated. */
export function StatusTag({ t, inactive }: { t: Translate; inactive: boolean }) {
  return <span class={inactive ? "tag tag-muted" : "tag tag-ok"}>{inactive ? t("common.inactive") : t("common.active")}</span>;
}

/** A date in the page's language, with a machine-readable value. */
export function DateTime({ value, lang, withTime = false }: { value: Date | string | null; lang: string; withTime?: boolean }) {
  if (!value) return null;
  const date = typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
  const text = new Intl.DateTimeFormat(lang, {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: "UTC",
  }).format(date);
  return <time dateTime={date.toISOString()}>{withTime ? `${text} UTC` : text}</time>;
}

/** A multi-line text inside a Field. */
export function TextAreaField(props: Omit<FieldProps, "children"> & { values?: FormValues | undefined; rows?: number; maxLength?: number; required?: boolean }) {
  return (
    <Field {...props}>
      {(describedBy, invalid) => (
        <textarea
          id={`f-${props.name}`}
          name={props.name}
          rows={props.rows ?? 5}
          maxLength={props.maxLength}
          required={props.required}
          aria-describedby={describedBy}
          aria-invalid={invalid ? "true" : undefined}
          class="input"
        >
          {valueOf(props.values, props.name)}
        </textarea>
      )}
    </Field>
  );
}

/** A group of checkboxes (one name, several values) with a legend and its error. */
export function CheckboxGroup(props: { t: Translate; name: string; legend: string; options: [value: string, label: string][]; checked: string[]; errors?: FieldErrors | undefined; hint?: string }) {
  const error = props.errors?.[props.name];
  return (
    <fieldset class={error ? "field field-error" : "field"} id={`f-${props.name}`} aria-describedby={error ? `e-${props.name}` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {error && (
        <p class="error-message" id={`e-${props.name}`}>
          {message(props.t, error)}
        </p>
      )}
      <div class="check-grid">
        {props.options.map(([value, label]) => (
          <label class="check">
            <input type="checkbox" name={props.name} value={value} checked={props.checked.includes(value)} /> {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
