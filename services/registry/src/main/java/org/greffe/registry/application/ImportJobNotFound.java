package org.greffe.registry.application;

import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.Wording;

/** No docket import job has this id. */
public class ImportJobNotFound extends Rejection {

    public ImportJobNotFound(String jobId) {
        super("no docket import job with id " + jobId + "; POST /api/dockets answers the id of the job it starts",
                Wording.of("docket.job-not-found", jobId));
    }
}
