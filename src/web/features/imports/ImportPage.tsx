import { useQueryClient } from '@tanstack/react-query';
import { Card, Segmented, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api/client.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { useLayout } from '../../components/useLayout.js';
import { enterpriseKeys } from '../enterprises/api.js';
import { useWorkScope } from '../enterprises/workScope.js';
import { memberKeys } from '../members/api.js';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportMode,
  type ImportRunInput,
  importKeys,
  importsApi,
  type TImportReport,
  type TImportUpload,
} from './api.js';
import { CommitStep } from './CommitStep.js';
import { ImportHistory } from './ImportHistory.js';
import { MappingStep, type RunChoice } from './MappingStep.js';
import { PreviewStep } from './PreviewStep.js';
import { RunExtras } from './RunExtras.js';
import { UploadStep } from './UploadStep.js';

type Step = 0 | 1 | 2 | 3;

/**
 * The import wizard for enterprises or members (the kind is chosen first, ?kind=members in the URL): upload (the server finds the header and proposes a column
 * mapping), correct the mapping, preview every row's fate, commit; then the batch history.
 */
export function ImportPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { phone } = useLayout();
  const scope = useWorkScope();
  const [params, setParams] = useSearchParams();
  const kind: ImportKind = params.get('kind') === 'members' ? 'members' : 'enterprises';
  const [step, setStep] = useState<Step>(0);
  const [source, setSource] = useState('');
  const [answer, setAnswer] = useState<TImportUpload | null>(null);
  const [choice, setChoice] = useState<RunChoice>({
    mapping: {},
    onDuplicate: 'update',
    duplicateReason: '',
    mode: 'all',
    valueMapping: {},
    asOf: '',
    decisionNo: '',
    decisionDate: '',
    ceremonyDate: '',
  });
  const [busy, setBusy] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const [preview, setPreview] = useState<TImportReport | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<TImportReport | null>(null);

  // Field issues of a run ("duplicateReason") have no form field here: they join the message.
  const describe = (e: unknown) =>
    e instanceof ApiError && e.issues.length > 0
      ? [e.message, ...e.issues.map((i) => i.message)].filter(Boolean).join(' — ')
      : errorText(e, t);
  const run = (): ImportRunInput => ({
    mapping: choice.mapping,
    onDuplicate: choice.onDuplicate,
    duplicateReason: choice.onDuplicate === 'create' ? choice.duplicateReason.trim() : undefined,
    mode: choice.mode,
    valueMapping: choice.valueMapping,
    // Only the dates the kind knows; an empty field is "not given", not an empty string.
    ...(kind === 'enterprises'
      ? { asOf: choice.asOf || null }
      : {
          decisionNo: choice.decisionNo.trim() || null,
          decisionDate: choice.decisionDate || null,
          ceremonyDate: choice.ceremonyDate || null,
        }),
  });

  const doPreview = async () => {
    if (!answer) return;
    setBusy(true);
    setRunError(null);
    try {
      setPreview(await importsApi.preview(answer.batchId, run()));
      setStep(2);
    } catch (e) {
      setRunError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  const doCommit = async () => {
    if (!answer) return;
    setStep(3);
    setRunning(true);
    setResult(null);
    setRunError(null);
    try {
      setResult(await importsApi.commit(answer.batchId, run()));
    } catch (e) {
      setRunError(describe(e));
    } finally {
      setRunning(false);
      await qc.invalidateQueries({ queryKey: importKeys.all });
      await qc.invalidateQueries({ queryKey: enterpriseKeys.all });
      await qc.invalidateQueries({ queryKey: memberKeys.all });
    }
  };

  const restart = () => {
    setStep(0);
    setAnswer(null);
    setPreview(null);
    setResult(null);
    setRunError(null);
  };

  const listLink = `/${kind}${scope.unitId !== undefined ? `?unit=${scope.unitId}` : ''}`;
  const setKind = (next: ImportKind) => {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next === 'enterprises') p.delete('kind');
        else p.set('kind', next);
        return p;
      },
      { replace: true },
    );
    restart();
  };

  return (
    <div className="import-page">
      <Typography.Title level={1} className="page-title">
        {t(kind === 'members' ? 'import.members.title' : 'import.title')}
      </Typography.Title>
      <Segmented<ImportKind>
        className="import-kind"
        value={kind}
        disabled={step !== 0}
        onChange={setKind}
        options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
        style={{ marginBottom: 12 }}
        data-testid="import-kind"
      />
      <Card className="import-card">
        <Steps
          className="import-steps"
          current={step}
          size="small"
          responsive={false}
          titlePlacement={phone ? 'vertical' : 'horizontal'}
          items={[
            { title: t('import.step.upload') },
            { title: t('import.step.mapping') },
            { title: t('import.step.preview') },
            { title: t('import.step.commit') },
          ]}
          data-testid="import-steps"
        />
        {step === 0 && (
          <UploadStep
            kind={kind}
            scope={scope}
            source={source}
            onUploaded={(a, src) => {
              setSource(src);
              setAnswer(a);
              setChoice((c) => ({ ...c, mapping: { ...a.mapping }, valueMapping: { ...a.valueMapping } }));
              setRunError(null);
              setStep(1);
            }}
          />
        )}
        {step === 1 && answer && (
          <MappingStep
            kind={kind}
            answer={answer}
            source={source}
            choice={choice}
            onChange={setChoice}
            busy={busy}
            error={runError}
            onBack={restart}
            onPreview={doPreview}
          />
        )}
        {step === 2 && preview && (
          <PreviewStep
            kind={kind}
            report={preview}
            mode={choice.mode}
            onMode={(mode: ImportMode) => setChoice((c) => ({ ...c, mode }))}
            extras={
              <RunExtras
                kind={kind}
                report={preview}
                choice={choice}
                onChange={setChoice}
                busy={busy}
                onRepreview={doPreview}
              />
            }
            error={runError}
            onBack={() => setStep(1)}
            onCommit={doCommit}
          />
        )}
        {step === 3 && answer && (
          <CommitStep
            kind={kind}
            batchId={answer.batchId}
            rows={preview?.rows ?? 0}
            running={running}
            result={result}
            error={runError}
            listLink={listLink}
            onBack={() => setStep(2)}
            onAgain={restart}
          />
        )}
      </Card>
      <ImportHistory unitId={scope.unitId} />
    </div>
  );
}
