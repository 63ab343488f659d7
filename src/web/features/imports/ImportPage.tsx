import { useQueryClient } from '@tanstack/react-query';
import { Card, Grid, Steps, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/client.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { enterpriseKeys } from '../enterprises/api.js';
import { useWorkScope } from '../enterprises/workScope.js';
import {
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
import { UploadStep } from './UploadStep.js';

type Step = 0 | 1 | 2 | 3;

/**
 * The enterprise import wizard: upload (the server finds the header and proposes a column
 * mapping), correct the mapping, preview every row's fate, commit; then the batch history.
 */
export function ImportPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const phone = screens.md !== true;
  const scope = useWorkScope();
  const [step, setStep] = useState<Step>(0);
  const [source, setSource] = useState('');
  const [answer, setAnswer] = useState<TImportUpload | null>(null);
  const [choice, setChoice] = useState<RunChoice>({
    mapping: {},
    onDuplicate: 'update',
    duplicateReason: '',
    mode: 'all',
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
    }
  };

  const restart = () => {
    setStep(0);
    setAnswer(null);
    setPreview(null);
    setResult(null);
    setRunError(null);
  };

  const enterprisesLink = `/enterprises${scope.unitId !== undefined ? `?unit=${scope.unitId}` : ''}`;

  return (
    <div className="import-page">
      <Typography.Title level={3} className="page-title">
        {t('import.title')}
      </Typography.Title>
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
            scope={scope}
            source={source}
            onUploaded={(a, src) => {
              setSource(src);
              setAnswer(a);
              setChoice((c) => ({ ...c, mapping: { ...a.mapping } }));
              setRunError(null);
              setStep(1);
            }}
          />
        )}
        {step === 1 && answer && (
          <MappingStep
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
            report={preview}
            mode={choice.mode}
            onMode={(mode: ImportMode) => setChoice((c) => ({ ...c, mode }))}
            onBack={() => setStep(1)}
            onCommit={doCommit}
          />
        )}
        {step === 3 && answer && (
          <CommitStep
            batchId={answer.batchId}
            rows={preview?.rows ?? 0}
            running={running}
            result={result}
            error={runError}
            enterprisesLink={enterprisesLink}
            onBack={() => setStep(2)}
            onAgain={restart}
          />
        )}
      </Card>
      <ImportHistory unitId={scope.unitId} />
    </div>
  );
}
