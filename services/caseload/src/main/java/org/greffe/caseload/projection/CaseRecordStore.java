package org.greffe.caseload.projection;

import org.greffe.measures.CaseRecord;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where the case records live. Reads and writes join the current transaction. */
public interface CaseRecordStore {

    /** The records of the given cases that exist, by case id, in one round trip. */
    Map<String, CaseRecord> load(Collection<String> caseIds);

    /** Inserts or replaces the records, in one batch per table. */
    void save(Collection<CaseRecord> records);

    /** The records of every case that has ever been at the tribunal. */
    List<CaseRecord> atTribunal(String tribunalId);

    /** Every record. */
    List<CaseRecord> all();

    /**
     * Opens a writer that adds records of cases the store does not hold yet, the fastest way the store can: a bulk
     * rebuild writes every record once into the emptied store. Only what the writer was given before
     * {@link BulkWriter#finish()} is stored; closing an unfinished writer drops it.
     */
    BulkWriter bulkWriter();

    /** Adds records in bulk, in the current transaction. */
    interface BulkWriter extends AutoCloseable {

        /** Adds one record. */
        void add(CaseRecord record);

        /** Stores everything added. */
        void finish();

        /** Releases the writer; drops what was added when {@link #finish()} was not called. */
        @Override
        void close();
    }

    /**
     * Forgets everything, before a replay from the start of the log; the records folded from then on are under the
     * current definitions ({@link org.greffe.measures.Stalls#DEFINITIONS}).
     */
    void deleteAll();

    /**
     * The version of the definitions the stored records were folded under: lower than
     * {@link org.greffe.measures.Stalls#DEFINITIONS} when they were folded by an earlier release and the projection
     * has not been rebuilt since.
     */
    int definitions();
}
