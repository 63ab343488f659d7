import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Tag, Tooltip, Tree, type TreeDataNode, Typography } from 'antd';
import type { TOrgUnit } from '../../../shared/org/contract.js';
import { orgApi, orgKeys } from './api.js';
import { useUnitTypes } from './unitTypes.js';

type Props = {
  asOf: string;
  roots: TOrgUnit[];
  expanded: number[];
  onExpandedChange: (ids: number[]) => void;
  selectedId: number | null;
  onSelect: (unit: TOrgUnit) => void;
};

export function UnitTitle({ unit }: { unit: TOrgUnit }) {
  const types = useUnitTypes();
  return (
    <span className="org-node" data-testid={`org-node-${unit.code}`} data-unit-id={unit.id}>
      <span className="org-node-name">{unit.name}</span>
      <span className="org-node-meta">
        <Tooltip title={types.name(unit.typeCode)}>
          <Tag className="org-node-type" variant="filled" color="blue">
            {types.short(unit.typeCode)}
          </Tag>
        </Tooltip>
        <Typography.Text type="secondary" className="org-node-code">
          {unit.code}
        </Typography.Text>
      </span>
    </span>
  );
}

/**
 * The org tree on one date. Children are fetched per expanded node through the query cache, so a
 * change elsewhere (one invalidation of 'org') refreshes every open branch, and switching the date
 * reloads the open branches as they were on the new date.
 */
export function OrgTree({ asOf, roots, expanded, onExpandedChange, selectedId, onSelect }: Props) {
  const qc = useQueryClient();
  const results = useQueries({
    queries: expanded.map((id) => ({
      queryKey: orgKeys.children(id, asOf),
      queryFn: () => orgApi.children(id, asOf),
    })),
  });
  const childrenOf = new Map<number, TOrgUnit[]>();
  expanded.forEach((id, i) => {
    const data = results[i]?.data;
    if (data) childrenOf.set(id, data);
  });

  const byKey = new Map<string, TOrgUnit>();
  const toNode = (unit: TOrgUnit): TreeDataNode => {
    byKey.set(String(unit.id), unit);
    const kids = childrenOf.get(unit.id);
    return {
      key: String(unit.id),
      title: <UnitTitle unit={unit} />,
      isLeaf: unit.childCount === 0 || kids?.length === 0,
      children: kids?.map(toNode),
    };
  };
  const treeData = roots.map(toNode);

  return (
    <Tree
      className="org-tree"
      data-testid="org-tree"
      blockNode
      showLine={{ showLeafIcon: false }}
      treeData={treeData}
      expandedKeys={expanded.map(String)}
      loadedKeys={[...childrenOf.keys()].map(String)}
      selectedKeys={selectedId === null ? [] : [String(selectedId)]}
      onExpand={(keys) => onExpandedChange(keys.map(Number))}
      // Only so antd shows its spinner while a branch loads; the data itself arrives through useQueries.
      loadData={async (node) => {
        const id = Number(node.key);
        await qc.fetchQuery({ queryKey: orgKeys.children(id, asOf), queryFn: () => orgApi.children(id, asOf) });
      }}
      onSelect={(_, info) => {
        const unit = byKey.get(String(info.node.key));
        if (unit) onSelect(unit);
      }}
    />
  );
}
