import type { TOrgUnitDetail } from '../../../../shared/org/contract.js';
import { CreateUnitModal } from './CreateUnitModal.js';
import { DissolveModal } from './DissolveModal.js';
import { HeaderModal } from './HeaderModal.js';
import { MergeModal } from './MergeModal.js';
import { MoveModal } from './MoveModal.js';
import { RenameModal } from './RenameModal.js';

export type OrgAction = 'create' | 'rename' | 'move' | 'dissolve' | 'merge' | 'header';

type Props = {
  action: OrgAction | null;
  unit: TOrgUnitDetail;
  asOf: string;
  onClose: () => void;
  onCreated: (id: number) => void;
};

/** The dialogs for recording a dated change on a unit; effective dates default to the viewed date. */
export function OrgActionModals({ action, unit, asOf, onClose, onCreated }: Props) {
  const common = { unit, asOf, onClose };
  return (
    <>
      <CreateUnitModal open={action === 'create'} parent={unit} asOf={asOf} onClose={onClose} onCreated={onCreated} />
      <RenameModal open={action === 'rename'} {...common} />
      <MoveModal open={action === 'move'} {...common} />
      <DissolveModal open={action === 'dissolve'} {...common} />
      <MergeModal open={action === 'merge'} {...common} />
      <HeaderModal open={action === 'header'} {...common} />
    </>
  );
}
