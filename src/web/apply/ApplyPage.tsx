import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { formatPhone } from '../../shared/ids/phone.js';
import { parseViDate } from '../../shared/text/date.js';
import { ApiError } from '../app/api/client.js';
import type { Locale } from '../app/i18n/locale.js';
import { applicationsApi, type TApplyInfo } from '../features/applications/api.js';
import { dateAsTyped } from '../features/applications/dateAsTyped.js';
import type { ApplyKey, ApplyT } from './i18n.js';

/**
 * The worker's side of the QR poster: a short form on a phone, no account. Plain HTML form elements (no
 * component library) so the page stays light on a slow mobile link; the fields, messages and behaviour
 * are those of the app's forms: a field is checked as it changes, "please fix" stays above the form until
 * no field is marked, and the server's message for a field is shown at that field until it is edited.
 */

type Values = {
  fullName: string;
  birthDate: string;
  gender: '' | 'male' | 'female';
  cccd: string;
  phone: string;
  workKind: 'employed' | 'informal';
  workplace: string;
  informalTradeCode: string;
  consent: boolean;
  website: string;
};
type Field = keyof Values;
type Errors = Partial<Record<Field, string>>;

const EMPTY: Values = {
  fullName: '',
  birthDate: '',
  gender: '',
  cccd: '',
  phone: '',
  workKind: 'employed',
  workplace: '',
  informalTradeCode: '',
  consent: false,
  website: '',
};

type Props = { t: ApplyT; locale: Locale; token: string; header: ReactNode };

export function ApplyPage({ t, locale, token, header }: Props) {
  const [info, setInfo] = useState<{ data?: TApplyInfo; failed?: boolean }>({});
  const [reload, setReload] = useState(0);
  const [done, setDone] = useState<{ unitName: string; phone: string } | null>(null);

  // The consent text and the trade names come in the page's language: asked again on a switch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload asks again after a revoked link
  useEffect(() => {
    let live = true;
    applicationsApi.publicInfo(token).then(
      (data) => live && setInfo({ data }),
      () => live && setInfo({ failed: true }),
    );
    return () => {
      live = false;
    };
  }, [token, locale, reload]);

  let body: ReactNode;
  if (!info.data && !info.failed) {
    body = (
      <div className="apply-loading" role="status">
        <span className="apply-spinner" aria-hidden="true" />
        {t('apply.loading')}
      </div>
    );
  } else if (!info.data?.valid) {
    const unit = info.data?.unitName;
    body = (
      <Outcome
        kind="warning"
        title={t('apply.invalidTitle')}
        text={unit ? t('apply.invalidTextUnit', { unit }) : t('apply.invalidText')}
        testId="apply-invalid"
      />
    );
  } else if (done) {
    body = (
      <Outcome
        kind="success"
        title={t('apply.doneTitle')}
        text={t('apply.doneText', { unit: done.unitName, phone: formatPhone(done.phone) })}
        testId="apply-success"
      >
        <button type="button" className="apply-button" onClick={() => setDone(null)}>
          {t('apply.doneAgain')}
        </button>
      </Outcome>
    );
  } else {
    body = <ApplyForm t={t} token={token} info={info.data} onDone={setDone} onGone={() => setReload((n) => n + 1)} />;
  }

  return (
    <main className="apply-page">
      {header}
      <div className="apply-box">{body}</div>
    </main>
  );
}

function Outcome({
  kind,
  title,
  text,
  testId,
  children,
}: {
  kind: 'success' | 'warning';
  title: string;
  text: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <div className={`apply-outcome apply-outcome-${kind}`} data-testid={testId}>
      <span className="apply-outcome-icon" aria-hidden="true">
        {kind === 'success' ? '✓' : '!'}
      </span>
      <h1 className="apply-outcome-title">{title}</h1>
      <p className="apply-outcome-text">{text}</p>
      {children}
    </div>
  );
}

function ApplyForm({
  t,
  token,
  info,
  onDone,
  onGone,
}: {
  t: ApplyT;
  token: string;
  info: TApplyInfo;
  onDone: (d: { unitName: string; phone: string }) => void;
  onGone: () => void;
}) {
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const consent = info.consent;
  const fixFields = t('apply.fixFields');

  /** The fields on screen: the work field follows the kind of work; consent only when a text is in force. */
  const active = (v: Values): Field[] => [
    'fullName',
    'birthDate',
    'gender',
    'cccd',
    'phone',
    'workKind',
    v.workKind === 'employed' ? 'workplace' : 'informalTradeCode',
    'website',
    ...(consent ? (['consent'] as const) : []),
  ];

  const required = (key: ApplyKey, v: string) => (v.trim() ? undefined : t('apply.required', { field: t(key) }));
  const check = (name: Field, v: Values): string | undefined => {
    switch (name) {
      case 'fullName':
        return required('apply.fullName', v.fullName);
      case 'birthDate':
        return required('apply.birthDate', v.birthDate) ?? (parseViDate(v.birthDate) ? undefined : t('apply.badDate'));
      case 'gender':
        return v.gender ? undefined : t('apply.choose', { field: t('apply.gender') });
      case 'cccd':
        return required('apply.cccd', v.cccd);
      case 'phone':
        return required('apply.phone', v.phone);
      case 'workplace':
        return required('apply.workplace', v.workplace);
      case 'informalTradeCode':
        return v.informalTradeCode ? undefined : t('apply.choose', { field: t('apply.trade') });
      case 'consent':
        return v.consent ? undefined : t('apply.consentRequired');
      default:
        return undefined;
    }
  };

  const showErrors = (next: Errors) => {
    setErrors(next);
    // Once no field is marked red, "please fix" is gone too.
    if (Object.values(next).every((e) => !e)) setBanner((b) => (b === fixFields ? null : b));
  };

  /** A change is checked at once, which also replaces the server's message for that field. */
  const change = <F extends Field>(name: F, value: Values[F]) => {
    const next = { ...values, [name]: name === 'birthDate' ? dateAsTyped(value as string) : value };
    setValues(next);
    showErrors({ ...errors, [name]: check(name, next) });
  };

  const scrollToFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector('[aria-invalid="true"]')?.scrollIntoView({ block: 'center' }),
    );

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    for (const name of active(values)) found[name] = check(name, values);
    if (Object.values(found).some(Boolean)) {
      setErrors(found);
      setBanner(fixFields);
      scrollToFirstError();
      return;
    }
    setBusy(true);
    setBanner(null);
    try {
      const v = values;
      const birth = v.birthDate.trim();
      const out = await applicationsApi.submit(token, {
        fullName: v.fullName,
        birthDate: parseViDate(birth) ?? birth,
        gender: v.gender || undefined,
        cccd: v.cccd,
        phone: v.phone,
        workplace: v.workKind === 'employed' ? v.workplace : undefined,
        informalTradeCode: v.workKind === 'informal' ? v.informalTradeCode : undefined,
        consent: v.consent,
        consentVersion: consent?.version,
        website: v.website,
      });
      setValues(EMPTY);
      setErrors({});
      onDone(out);
      window.scrollTo({ top: 0 });
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'APPLY_LINK_REVOKED' || err.code === 'APPLY_LINK_INVALID')) onGone();
      const { byField, left } = serverErrors(err, new Set(active(values)), t);
      setErrors(byField);
      setBanner(left ?? fixFields);
      if (Object.keys(byField).length) scrollToFirstError();
    } finally {
      setBusy(false);
    }
  };

  const text = (name: 'fullName' | 'cccd' | 'phone' | 'workplace' | 'birthDate') => ({
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => change(name, e.target.value),
  });

  return (
    <>
      <h1 className="apply-title">{t('apply.heading')}</h1>
      <div className="apply-unit" data-testid="apply-unit">
        <strong>{t('apply.to', { unit: info.unitName })}</strong>
        {info.parentName && <span>{t('apply.under', { parent: info.parentName })}</span>}
      </div>
      <p className="apply-muted">{t('apply.intro')}</p>
      {banner && (
        <div className="apply-banner" role="alert">
          <span className="apply-banner-icon" aria-hidden="true">
            ×
          </span>
          {banner}
        </div>
      )}
      <form ref={formRef} noValidate onSubmit={submit} data-testid="apply-form">
        <TextField name="fullName" label={t('apply.fullName')} error={errors.fullName}>
          {(a) => (
            <input
              {...a}
              {...text('fullName')}
              autoComplete="name"
              autoCapitalize="words"
              placeholder={t('apply.fullNamePh')}
              maxLength={120}
            />
          )}
        </TextField>
        <TextField
          name="birthDate"
          label={t('apply.birthDate')}
          hint={t('apply.birthDateHint')}
          error={errors.birthDate}
        >
          {(a) => (
            <input
              {...a}
              {...text('birthDate')}
              inputMode="numeric"
              autoComplete="bday"
              placeholder="dd/mm/yyyy"
              maxLength={10}
            />
          )}
        </TextField>
        <Choice
          name="gender"
          legend={t('apply.gender')}
          value={values.gender}
          error={errors.gender}
          options={[
            { value: 'male', label: t('apply.male') },
            { value: 'female', label: t('apply.female') },
          ]}
          onChange={(v) => change('gender', v as Values['gender'])}
        />
        <TextField name="cccd" label={t('apply.cccd')} hint={t('apply.cccdHint')} error={errors.cccd}>
          {(a) => (
            <input
              {...a}
              {...text('cccd')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={16}
              placeholder="0790 9012 3456"
            />
          )}
        </TextField>
        <TextField name="phone" label={t('apply.phone')} hint={t('apply.phoneHint')} error={errors.phone}>
          {(a) => (
            <input
              {...a}
              {...text('phone')}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              placeholder="0912 345 678"
            />
          )}
        </TextField>
        <Choice
          name="workKind"
          legend={t('apply.workKind')}
          value={values.workKind}
          options={[
            { value: 'employed', label: t('apply.workKind.employed') },
            { value: 'informal', label: t('apply.workKind.informal') },
          ]}
          onChange={(v) => change('workKind', v as Values['workKind'])}
        />
        {values.workKind === 'employed' ? (
          <TextField name="workplace" label={t('apply.workplace')} error={errors.workplace}>
            {(a) => (
              <input
                {...a}
                {...text('workplace')}
                autoComplete="organization"
                placeholder={t('apply.workplacePh')}
                maxLength={255}
              />
            )}
          </TextField>
        ) : (
          <TextField name="informalTradeCode" label={t('apply.trade')} error={errors.informalTradeCode}>
            {(a) => (
              <select
                {...a}
                className="apply-input apply-select"
                value={values.informalTradeCode}
                onChange={(e) => change('informalTradeCode', e.target.value)}
              >
                <option value="" disabled>
                  {t('apply.tradePh')}
                </option>
                {info.informalTrades.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </TextField>
        )}

        {/* People never see or reach this field; form-filling bots do, and give themselves away. */}
        <div className="apply-hp" aria-hidden="true">
          <label htmlFor="apply-website">{t('apply.honeypot')}</label>
          <input
            id="apply-website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={(e) => change('website', e.target.value)}
          />
        </div>

        {consent && (
          <section className="apply-consent" data-testid="apply-consent">
            <h2 className="apply-consent-title">{t('apply.consentTitle')}</h2>
            <details className="apply-details" open>
              <summary>{t('apply.consentShow', { version: consent.version })}</summary>
              {/* A box that scrolls must take focus, so it can be read with the keyboard alone. */}
              <dl
                className="apply-consent-text"
                data-testid="apply-consent-text"
                tabIndex={0}
                aria-label={t('apply.consentTitle')}
              >
                <dt>{t('apply.consent.purpose')}</dt>
                <dd>{consent.purpose}</dd>
                <dt>{t('apply.consent.data')}</dt>
                <dd>{consent.data}</dd>
                <dt>{t('apply.consent.controller')}</dt>
                <dd>{consent.controller}</dd>
                <dt>{t('apply.consent.rights')}</dt>
                <dd>{consent.rights}</dd>
              </dl>
            </details>
            <div className={errors.consent ? 'apply-field apply-field-error' : 'apply-field'}>
              <label className="apply-check">
                <input
                  type="checkbox"
                  checked={values.consent}
                  onChange={(e) => change('consent', e.target.checked)}
                  aria-invalid={errors.consent ? true : undefined}
                  aria-describedby={errors.consent ? 'apply-consent-error' : undefined}
                  data-testid="apply-consent-check"
                />
                <span>{t('apply.consentCheck', { unit: info.unitName })}</span>
              </label>
              {errors.consent && (
                <div className="apply-error" id="apply-consent-error">
                  {errors.consent}
                </div>
              )}
            </div>
          </section>
        )}
        <p className="apply-muted apply-privacy">{t('apply.privacyNote')}</p>
        <button
          type="submit"
          className="apply-button apply-button-primary"
          disabled={busy}
          aria-busy={busy || undefined}
          data-testid="apply-submit"
        >
          {busy && <span className="apply-spinner apply-spinner-small" aria-hidden="true" />}
          {t('apply.submit')}
        </button>
      </form>
    </>
  );
}

type FieldAttrs = {
  id: string;
  name: string;
  className: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
};

/** A labelled field with its hint and error, both read out with the field. */
function TextField({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: Field;
  label: string;
  hint?: string;
  error?: string;
  children: (attrs: FieldAttrs) => ReactNode;
}) {
  const id = `apply_${name}`;
  const described = [error ? `${id}_error` : '', hint ? `${id}_hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'apply-field apply-field-error' : 'apply-field'}>
      <label className="apply-label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        name,
        className: 'apply-input',
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {error && (
        <div className="apply-error" id={`${id}_error`}>
          {error}
        </div>
      )}
      {hint && (
        <div className="apply-hint" id={`${id}_hint`}>
          {hint}
        </div>
      )}
    </div>
  );
}

/** Two choices as large buttons: radio inputs, so the keyboard and screen readers treat them as one choice. */
function Choice({
  name,
  legend,
  value,
  error,
  options,
  onChange,
}: {
  name: Field;
  legend: string;
  value: string;
  error?: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const errorId = useId();
  return (
    <fieldset
      className={error ? 'apply-field apply-field-error' : 'apply-field'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="apply-label">{legend}</legend>
      <div className="apply-choice">
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'apply-choice-item is-checked' : 'apply-choice-item'}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
              aria-invalid={error ? true : undefined}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <div className="apply-error" id={errorId}>
          {error}
        </div>
      )}
    </fieldset>
  );
}

/** The server's field issues on the fields on screen; the rest (and the message) for above the form. */
function serverErrors(err: unknown, fields: Set<Field>, t: ApplyT): { byField: Errors; left: string | null } {
  if (!(err instanceof ApiError)) return { byField: {}, left: t('apply.unexpected') };
  if (err.issues.length === 0) {
    return { byField: {}, left: err.code === 'NETWORK' ? t('apply.network') : err.message || t('apply.unexpected') };
  }
  const byField: Errors = {};
  const unmatched: string[] = [];
  for (const issue of err.issues) {
    const name = issue.path as Field;
    if (fields.has(name)) byField[name] = byField[name] ? `${byField[name]} ${issue.message}` : issue.message;
    else unmatched.push(issue.message);
  }
  return { byField, left: unmatched.length === 0 ? null : [err.message, ...unmatched].filter(Boolean).join(' — ') };
}
