package org.greffe.registry.application;

import org.greffe.registry.model.Rejection;

/** No docket import job has this id. */
public class ImportJobNotFound extends Rejection {

    public ImportJobNotFound(String jobId) {
        super("no docket import job with id " + jobId + "; POST /api/dockets answers the id of the job it starts");
    }
}
