package org.greffe.caseload.projection;

import org.greffe.measures.CaseRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A store of case records in a map, with the same replace-only-if-newer rule as the PostgreSQL one. */
final class InMemoryCaseRecordStore implements CaseRecordStore {

    final Map<String, CaseRecord> records = new HashMap<>();
    int loads;
    int saves;

    @Override
    public Map<String, CaseRecord> load(Collection<String> caseIds) {
        loads++;
        Map<String, CaseRecord> found = new HashMap<>();
        caseIds.stream().filter(records::containsKey).forEach(id -> found.put(id, records.get(id)));
        return found;
    }

    @Override
    public void save(Collection<CaseRecord> changed) {
        saves++;
        changed.forEach(record -> records.merge(record.caseId(), record,
                (old, fresh) -> fresh.lastSequence() > old.lastSequence() ? fresh : old));
    }

    @Override
    public BulkWriter bulkWriter() {
        Map<String, CaseRecord> added = new HashMap<>();
        return new BulkWriter() {
            @Override
            public void add(CaseRecord record) {
                if (records.containsKey(record.caseId()) || added.putIfAbsent(record.caseId(), record) != null) {
                    throw new IllegalStateException("case " + record.caseId() + " is already stored");
                }
            }

            @Override
            public void finish() {
                records.putAll(added);
            }

            @Override
            public void close() {
                added.clear();
            }
        };
    }

    @Override
    public List<CaseRecord> atTribunal(String tribunalId) {
        return records.values().stream().filter(record -> record.tribunals().contains(tribunalId)).toList();
    }

    @Override
    public List<CaseRecord> all() {
        return new ArrayList<>(records.values());
    }

    @Override
    public void deleteAll() {
        records.clear();
    }

    @Override
    public int definitions() {
        return org.greffe.measures.Stalls.DEFINITIONS;
    }
}
