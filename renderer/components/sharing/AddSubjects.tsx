import { useId, useState } from 'react'
import type { Id, Level } from '../../../shared/domain.js'
import { SearchField } from '../forms/SearchField.js'
import { useTrove } from '../../store/index.js'
import type { SharingState } from '../../store/sharingSlice.js'
import { highest, inheritedFloor, LEVEL_LABELS, levelsFrom } from './levels.js'

interface Candidate {
  id: Id
  name: string
  kind: 'user' | 'group'
  detail: string
  /** A user who already reaches this through a group: "Can view through Editors". */
  viaGroup?: string
}

/**
 * Pick restricted users and user groups and a level (docs/permissions.md, sharing). Subjects already granted here are changed in the list
 * below instead. A level lower than one a picked subject inherits is not offered.
 */
export function AddSubjects({ sharing }: { sharing: SharingState }) {
  const grantSharing = useTrove((s) => s.grantSharing)
  const [query, setQuery] = useState('')
  const [chosen, setChosen] = useState<Id[]>([])
  const [wanted, setWanted] = useState<Level>('view')
  const listId = useId()
  const levelId = useId()

  const granted = new Set(sharing.view?.direct.map((g) => g.subjectId))
  // Access control applies to restricted users only; groups hold restricted users only. A
  // restricted sharer is told no one's role or email (docs/accounts.md), so sees everyone by name.
  const candidates: Candidate[] = [
    ...sharing.groups.map((g) => ({ id: g.id, name: g.name, kind: 'group' as const, detail: groupDetail(g.memberIds) })),
    ...sharing.users
      .filter((u) => u.role === undefined || u.role === 'restricted')
      .map((u) => ({ id: u.id, name: u.name, kind: 'user' as const, detail: u.email ?? 'User', viaGroup: throughGroups(sharing, u.id) })),
  ].filter((c) => !granted.has(c.id))
  const needle = query.trim().toLowerCase()
  const shown = needle ? candidates.filter((c) => c.name.toLowerCase().includes(needle) || c.detail.toLowerCase().includes(needle)) : candidates
  const picked = candidates.filter((c) => chosen.includes(c.id))

  const floors = picked.map((c) => ({ id: c.id, name: c.name, floor: inheritedFloor(sharing.view, c.id) })).filter((f) => f.floor !== null)
  const offered = levelsFrom(highest(floors.map((f) => f.floor!)))
  const level = offered.includes(wanted) ? wanted : offered[0]

  const submit = async () => {
    if (picked.length === 0 || sharing.busy) return
    const done = await grantSharing(picked.map((c) => c.id), level)
    setChosen((ids) => ids.filter((id) => !done.includes(id)))
    if (done.length === picked.length) setQuery('')
  }

  return (
    <form
      className="add-subjects"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <SearchField value={query} onChange={setQuery} placeholder="Search users and user groups" controls={listId} autoFocus />
      <ul className="choose-list subject-list" id={listId} aria-label="Users and user groups to share with">
        {shown.map((c) => (
          <li key={c.id}>
            <label className={`choose-row${chosen.includes(c.id) ? ' is-chosen' : ''}`}>
              <input
                type="checkbox"
                checked={chosen.includes(c.id)}
                onChange={() => setChosen((ids) => (ids.includes(c.id) ? ids.filter((x) => x !== c.id) : [...ids, c.id]))}
                aria-label={`${c.name}, ${c.detail}${c.viaGroup ? `, ${c.viaGroup}` : ''}`}
              />
              <span className="choose-name">{c.name}</span>
              <span className="choose-meta">{c.detail}</span>
              {c.viaGroup && <span className="choose-meta choose-via">{c.viaGroup}</span>}
            </label>
          </li>
        ))}
      </ul>
      {candidates.length === 0 && <p className="choose-empty">Every restricted user and group already has access here; change their levels below.</p>}
      {candidates.length > 0 && shown.length === 0 && <p className="choose-empty">No user or group matches “{query.trim()}”.</p>}
      <div className="add-subjects-row">
        <label className="inline-field" htmlFor={levelId}>
          Level
        </label>
        <select id={levelId} className="input" value={level} onChange={(e) => setWanted(e.target.value as Level)}>
          {offered.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-primary" disabled={picked.length === 0 || sharing.busy}>
          {picked.length > 1 ? `Share with ${picked.length}` : 'Share'}
        </button>
      </div>
      {floors.length > 0 && (
        <p className="field-hint">
          {floors.map((f) => `${f.name} inherits “${LEVEL_LABELS[f.floor!]}” from ${sourceOf(sharing, f.id, f.floor!)}.`).join(' ')} A grant here can raise an
          inherited level but not lower it, so lower levels are not offered.
        </p>
      )}
    </form>
  )
}

function sourceOf(sharing: SharingState, subjectId: Id, level: Level): string {
  return sharing.view?.inherited.find((g) => g.subjectId === subjectId && g.level === level)?.sourcePath ?? 'a folder above'
}

/**
 * Whether a user already has access here through a group (granted here or on a folder above),
 * so a sharer need not add them one by one: "Already can view through Editors". Only groups
 * whose members the sharer is told of can say so.
 */
function throughGroups(sharing: SharingState, userId: Id): string | undefined {
  const grants = [...(sharing.view?.direct ?? []), ...(sharing.view?.inherited ?? [])]
  const via = new Map<string, Level>()
  for (const g of sharing.groups) {
    if (!g.memberIds?.includes(userId)) continue
    const level = highest(grants.filter((x) => x.subjectId === g.id).map((x) => x.level))
    if (level) via.set(g.name, level)
  }
  if (via.size === 0) return undefined
  const level = highest([...via.values()])!
  return `Already ${LEVEL_LABELS[level].toLowerCase()} through ${[...via.keys()].sort((a, b) => a.localeCompare(b)).join(', ')}`
}

function groupDetail(memberIds: Id[] | undefined): string {
  if (memberIds === undefined) return 'Group'
  return memberIds.length === 1 ? 'Group · 1 member' : `Group · ${memberIds.length} members`
}
