/** Generated from apps/console/openapi.json by openapi-typescript (npm run console:api): do not edit. */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** State of the database and of Temporal, and how many workflows are blocked for repair; 503 when either is down */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nominations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NominationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Files the caller may see, filtered, sorted and a page at a time: { items, total, page, pageSize } */
        get: operations["CandidateListController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same filtered list, every page, as CSV (UTF-8 with BOM, Chinese headers, masked as for the list) */
        get: operations["CandidateListController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same filtered list, every page, as an Excel workbook (Chinese headers, masked as for the list) */
        get: operations["CandidateListController_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file: form (sensitive fields masked unless the role needs them), stage, status, decisions, pre-checks, panel */
        get: operations["CandidatesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve, reject or return the stage the candidate is at (409 if it is at another stage, 403 if the role does not own it) */
        post: operations["CandidatesController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/resubmissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a returned file back, with corrections to the form if any; the stage it was returned from resumes */
        post: operations["CandidatesController_resubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the form as submitted, oldest first */
        get: operations["CandidatesController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/departure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the master left Ouhai to work elsewhere: no subsidy falls due on or after leftOn; instructions already made for those months are cancelled if unpaid, flagged for recovery (追回) if paid. 422 for a leftOn before the commendation, 409 if one is already recorded */
        post: operations["CandidatesController_departure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/departure/correction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a recorded departure, with a reason: another leftOn, or null when it was recorded by mistake; cancellations and recovery flags are recomputed and months now owed are made. 409 with no departure to correct or once the schedule has ended */
        post: operations["CandidatesController_correctDeparture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One timeline in time order: the workflow's event history (stages, decisions, payments) and the file's audit-log rows (writes, refusals, full-value reads: who, when, the answer, why) */
        get: operations["CandidatesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/refused-decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Decisions and other actions that were refused: who, when, what, why (Temporal keeps no record of them) */
        get: operations["CandidatesController_refused"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/panel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seat experts on the candidate's panel (at least 5 in all); one of the candidate's employer is recused; an employer that only resembles it is a 409 listing the experts until each is confirmed (nearMatch: recuse or keep, with a note) */
        post: operations["ReviewActionsController_panel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/recusals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Experts whose employer matched or resembled the candidate's: recused automatically, or recused or kept on the office's confirmation, by whom, when, why */
        get: operations["ReviewActionsController_recusals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An expert declares a conflict of interest and leaves the panel */
        post: operations["ReviewActionsController_conflict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An expert scores 0-100 for each condition claimed, once and independently */
        post: operations["ReviewActionsController_scores"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the candidacy (the nominating side, or the office on its behalf), any time before commendation */
        post: operations["ReviewActionsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/disqualification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disqualify the candidate, with a reason, any time before commendation */
        post: operations["ReviewActionsController_disqualify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's inbox: files waiting on its role (kind 'file'), soonest due first, then the round steps waiting on it (kind 'round'), soonest due first */
        get: operations["TasksController_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/bank-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record the master's bank account for payments; the number is sealed and shown masked everywhere */
        put: operations["BankAccountController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Development only: a local-issuer token for a role, user and area (absent in production and with an OpenID Connect issuer) */
        post: operations["DevTokenController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/console": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the console signs in: development tokens, the identity provider's code flow with PKCE, or not configured */
        get: operations["ConsoleSignInController_describe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/console/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchanges the code the identity provider returned (with the PKCE verifier) for a verified bearer token; 401 when the provider or the verification refuses */
        post: operations["ConsoleSignInController_exchange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recomputes the whole hash chain: {ok, rows, firstBrokenRow} (the id of the first row that fails, null when intact), headHash; with an earlier digest (headId, headHash) also digestMatches */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/digest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chain's head as stored: {headHash, rows, at}, to hand to an outside party and later prove nothing before it changed */
        get: operations["AuditController_digest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One candidate's or one round's audit rows, oldest first, as JSON or (format=csv) CSV with the chain's hashes */
        get: operations["AuditController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every round, newest year first, with its phase now (upcoming, nominating, reviewing, closed) */
        get: operations["RoundsController_list"];
        put?: never;
        /** Open an annual round (年度评选): quota and windows; one round per year (409 for a second) */
        post: operations["RoundsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One round with its windows and phase now */
        get: operations["RoundsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Nominations per channel, industry and sub-district union (against the per-area target), total and quota */
        get: operations["RoundsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The round's files per stage and status, and its re-review list per outcome */
        get: operations["RoundsController_funnel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Candidates with an expert score, best first; equal scores share a rank (1, 2, 2, 4)
         * @description Once the re-review list is frozen each line also has votes, voteScore, combinedScore and combinedRank (after the vote) and its outcome with its reason
         */
        get: operations["RoundsController_ranking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/phase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the current phase's window now, or extend it (until), with a reason
         * @description 409 wrong phase (the message names the phase and what the action needs), 403 wrong role, 400 malformed, 404 unknown round
         */
        post: operations["RoundActionsController_phase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/re-review-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Freeze the re-review list (复审名单): who completed expert review, by score; the rest not shortlisted
         * @description 409 wrong phase (the message names the phase and what the action needs), 403 wrong role, 400 malformed, 404 unknown round
         */
        post: operations["RoundActionsController_reReviewList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/voting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the online vote now (网络投票), until closesAt or the round's voting days
         * @description 409 wrong phase (the message names the phase and what the action needs), 403 wrong role, 400 malformed, 404 unknown round
         */
        post: operations["RoundActionsController_voting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/formal-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The leadership group approves the formal candidate list (正式候选名单) in one batch
         * @description Every candidate on the re-review list selected or left out with a reason; 422 over the quota, a candidate missing, unknown or named twice; 409 wrong phase (the message names the phase and what the action needs), 403 wrong role, 400 malformed, 404 unknown round
         */
        post: operations["RoundActionsController_formalList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/public-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start the public notice (社会公示) for the round's notice period
         * @description 409 wrong phase (the message names the phase and what the action needs), 403 wrong role, 400 malformed, 404 unknown round
         */
        post: operations["RoundActionsController_publicNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The district government approves the list in one batch (报区政府审定), a reason for each not approved
         * @description 422 a candidate missing or named twice; 409 wrong phase (the message names the phase and what the action needs), 403 wrong role, 400 malformed, 404 unknown round
         */
        post: operations["RoundActionsController_approval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/ceremony": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the ceremony (表彰): commendation takes effect on its date (Asia/Shanghai), by a durable timer
         * @description 409 wrong phase (the message names the phase and what the action needs), 403 wrong role, 400 malformed, 404 unknown round
         */
        post: operations["RoundActionsController_ceremony"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The round's objections, oldest first; the objector's contact in clear for the programme office only */
        get: operations["ObjectionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/objections/{id}/resolution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve an objection: upheld (the candidate is disqualified) or dismissed, with the reason
         * @description 409 already resolved or the round closed; 403 wrong role; 400 malformed; 404 unknown objection
         */
        post: operations["ObjectionsController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/rounds/{id}/notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The announcement: the selected candidates (name, sex, employer, trade, deeds in short), the window, how to object; 409 before it starts */
        get: operations["PublicNoticeController_notice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/candidates/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Object about a candidate on the public notice → 201 {objectionId}
         * @description 409 outside the notice; 422 the candidate is not on the notice; 404 unknown candidate; 400 malformed; 429 too many requests
         */
        post: operations["PublicNoticeController_object"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The three-year target (PROGRAMME_TARGET, 100) against the masters commended per round and the quotas
         * @description `studios`: studios named against STUDIO_TARGET (30), per batch, and the apprentices the named studios train, per studio and per year
         */
        get: operations["ProgrammeController_programme"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/round": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the file stands in its round: its line of the round's ranking (rank, expert score; once listed votes, vote score, combined score and rank, outcome and why)
         * @description `line` is null until the file has an expert score; round fields are null for a file of no round. 404 unknown file
         */
        get: operations["CandidateRoundController_round"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The objections against the file, oldest first, with their resolution; the objector's contact in clear for the programme office only */
        get: operations["CandidateRoundController_objectionsOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studio-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every batch, newest first, with its applications and studios named */
        get: operations["StudioBatchesController_list"];
        put?: never;
        /**
         * Open a studio batch: year, application window, creation standard (criteria)
         * @description 409 with the reason within STUDIO_BATCH_INTERVAL_YEARS (2) of another batch
         */
        post: operations["StudioBatchesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studio-batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One batch: window, criteria, approval, and its studios the caller may see */
        get: operations["StudioBatchesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studio-batches/{id}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The leadership group approves the batch: approved studios are named and their grants instructed; the rest not approved, each with a reason
         * @description 409 while applications are open or awaiting screening, or once another decision stands; 422 naming the entry: a studio of another batch, named twice, not screened, or a screened one missing. The same decision sent again completes one that stopped part-way
         */
        post: operations["StudioBatchesController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studios the caller may see, newest first: {items, total, page, pageSize} */
        get: operations["StudiosController_list"];
        put?: never;
        /**
         * Apply for a studio named after a named master, in an open batch: the office, or the unit that nominated the master
         * @description 400 naming batchId or masterId (not a named master); 409 outside the batch window, or the master has a studio application already
         */
        post: operations["StudiosController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studios/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One studio: the application, the master, screenings, approval, naming date, grant, its bank account (masked), apprentices */
        get: operations["StudiosController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studios/{id}/bank-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record the studio's bank account, its host unit's (依托单位), for its grant; the number is sealed and shown masked everywhere
         * @description 400 naming the field (accountNumber: 8 to 32 digits); accountName defaults to the host unit; 403 wrong role, 404 unknown
         */
        put: operations["StudiosController_recordBankAccount"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studios/{id}/screening": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Screen against the batch's creation standard: every criterion with met and evidence; pass, fail or return
         * @description 409 the studio is not where the action needs it (the message says where it is), 403 wrong role, 400 malformed (fields named), 404 unknown or not yours
         */
        post: operations["StudiosController_screen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studios/{id}/resubmission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A returned application goes back to screening, with a note and any corrections
         * @description 409 the studio is not where the action needs it (the message says where it is), 403 wrong role, 400 malformed (fields named), 404 unknown or not yours
         */
        post: operations["StudiosController_resubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studios/{id}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw the application, with the reason, any time before it is named
         * @description 409 the studio is not where the action needs it (the message says where it is), 403 wrong role, 400 malformed (fields named), 404 unknown or not yours
         */
        post: operations["StudiosController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studios/{id}/apprentices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an apprentice ("1+N"): name, start, and end and outcome when known */
        post: operations["StudiosController_addApprentice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studios/{id}/apprentices/{apprenticeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** An apprenticeship's end and outcome (a skill level reached, a competition placing, a note) */
        patch: operations["StudiosController_updateApprentice"];
        trace?: never;
    };
    "/candidates/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The candidate's documents (without their content), newest first */
        get: operations["AttachmentsController_list"];
        put?: never;
        /** Attach a supporting document (PDF, JPEG or PNG, judged by its content) to a candidate's file */
        post: operations["AttachmentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one document, byte for byte; the ETag is its SHA-256 */
        get: operations["AttachmentsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspection-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspection batches, newest first, each with its candidate count; filter by roundId, paged (page, pageSize) */
        get: operations["InspectionBatchesController_list"];
        put?: never;
        /** Group candidates into an inspection batch with its team and planned date. 409 for a candidate closed or past inspection, or already in another batch unless move: true (the reply lists who moved from where) */
        post: operations["InspectionBatchesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspection-batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The batch, where each of its candidates stands, and who put each candidate in or moved it out, when */
        get: operations["InspectionBatchesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The round, its voting window and, once voting has opened, the candidates (totals once it has closed) */
        get: operations["PublicVotingController_round"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/rounds/{id}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cast a vote (网络投票)
         * @description One vote per voter per candidate per Asia/Shanghai day, at most VOTE_DAILY_CANDIDATE_LIMIT candidates a day. 409 already voted for this candidate today; 429 daily limit or rate limit; 422 candidate not votable; 403 voting not open (the window is given); 404 unknown round; 400 malformed; 401 credential refused; 502/503 WeChat unavailable.
         */
        post: operations["PublicVotingController_cast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/voting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How voters are identified on this server and how many candidates one may vote for a day: the verifiers it accepts and, when WeChat is configured, the official account to send the voter to for an OAuth code */
        get: operations["VoterVerificationController_verification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/tally": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live vote counts: per candidate on the list, distinct voters, votes and voters per Asia/Shanghai day */
        get: operations["VoteTallyController_tally"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/finance/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payment instructions, soonest due first, with their count and sum: { items, totals } (amounts in fen) */
        get: operations["InstructionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/finance/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One instruction with its history: every step, who took it, when, why */
        get: operations["InstructionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/finance/tasks/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve several due instructions at once: all of them, or none (the refusal names the instruction) */
        post: operations["InstructionsController_approveMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/finance/tasks/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a due instruction; another finance clerk then records its payment */
        post: operations["InstructionsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/finance/tasks/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the payment of an approved instruction (not by its approver); the same reference and date again changes nothing */
        post: operations["InstructionsController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/finance/tasks/{id}/failure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The bank did not pay an approved instruction: record why */
        post: operations["InstructionsController_fail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/finance/tasks/{id}/reissue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a failed instruction again as the next attempt of the same instalment; answers with the new attempt */
        post: operations["InstructionsController_reissue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/finance/exports/{month}.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The month's bank run: approved instructions due that month, with a totals row (CSV, UTF-8 with BOM) */
        get: operations["FinanceReportsController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/finance/exports/{month}.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The month's bank run as an Excel workbook; account numbers in full for finance only */
        get: operations["FinanceReportsController_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/finance/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The month's instructions counted and summed by status, and each master's money paid against the cap; breaches listed */
        get: operations["FinanceReportsController_reconciliation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/finance/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The money committed, month by month, for the budget: unpaid instructions, subsidy instalments the running schedules will still create, bonuses of ceremonies ahead (fen) */
        get: operations["FinanceReportsController_forecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/masters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The named masters a page at a time, the latest year first, then by name in pinyin: each with their file, register entry as the office reads it and benefits counted by status; ?year= named in that year, ?name= part of the name: { items, total, page, pageSize } */
        get: operations["MastersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/masters/years": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The years in which masters were named, the latest first (the masters list filters by them) */
        get: operations["MastersController_years"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/masters/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import masters named on paper before the service existed (JSON, or the Excel template as the part "file"): all rows or none; the same import twice changes nothing */
        post: operations["MastersController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/masters/import/template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The blank Excel workbook for an import: 名单 (one row per master) and 补贴发放 (one row per instalment paid) */
        get: operations["MastersController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Temporal remote codec: decrypts the Temporal UI's payloads (auditor only) */
        post: operations["CodecController_decode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codec/encode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Temporal remote codec: encrypts payloads the Temporal UI sends (admin only) */
        post: operations["CodecController_encode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/persons/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Everything the service holds on one person, for the programme office to answer an access request (PIPL art. 45): every file found by the ID number's blind index, in clear, as JSON. The ID number is sent in the body so it stays out of access logs */
        post: operations["PersonsController_export"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/documents/application-form.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The filled application form (推荐申报表, 附件2) to print in triplicate and seal; read by those who read the file's documents, in their scope. ID number, mobile and address in clear for union_office only (audited as a full-value read), masked for the rest */
        get: operations["CandidateDocumentsController_applicationForm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/candidates/{id}/documents/certificate.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The certificate (荣誉证书) of a named master; 409 if the file is not a named master */
        get: operations["CandidateDocumentsController_certificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/documents/public-notice.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The round's public notice (公示): the candidates on the formal list (name, sex, employer, trade), the period and how to object; 409 before the notice starts */
        get: operations["RoundDocumentsController_publicNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rounds/{id}/documents/commendation.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The commendation decision (表彰决定) naming the masters the government approved, dated on the ceremony; 409 until the ceremony is recorded */
        get: operations["RoundDocumentsController_commendation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/masters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register of named masters: name, sex, trade, employer, year named, studio, published deeds — or name and year only for a master who asked; ?format=csv for the file; ?year= one year */
        get: operations["PublicRegisterController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/masters/{id}/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** The master's entry in the public register: { limited } at the master's request (name and year only), { deeds } the text the office publishes (null withdraws it). 404 unknown, 409 not a named master */
        patch: operations["MasterRegisterController_setEntry"];
        trace?: never;
    };
    "/competitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Competitions, latest first, each with its number of placings; filter by year, level, trade */
        get: operations["CompetitionsController_list"];
        put?: never;
        /** Record a skill competition (职工技能竞赛): name, trade, date, level, organiser */
        post: operations["CompetitionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/competitions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The competition and its placings (each id is a competitionResultId); for union_office, auditor and admin also the files nominated on them and those named */
        get: operations["CompetitionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/competitions/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add placings (competitor, employer, placing, award) to the competition; those recorded before stay */
        post: operations["CompetitionsController_recordResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/bases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Training bases, each with its number of courses and participants */
        get: operations["TrainingController_listBases"];
        put?: never;
        /** Record a skill training base (实训基地): a vocational school, training organisation or company training centre */
        post: operations["TrainingController_createBase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/bases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The base and its courses */
        get: operations["TrainingController_base"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/bases/{id}/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a course to the base: title, trade, the skill level targeted, dates and place */
        post: operations["TrainingController_addCourse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/courses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The course with its participants and their outcomes */
        get: operations["TrainingController_course"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/courses/{id}/participants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enrol participants (name, employer) */
        post: operations["TrainingController_addParticipants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/courses/{id}/participants/{participantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** A participant's outcome: certified (with the certificate obtained and its date), not certified, or withdrew */
        patch: operations["TrainingController_recordOutcome"];
        trace?: never;
    };
    "/training/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year: courses started, places on them, certificates issued per level */
        get: operations["TrainingController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/fund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The union's training fund per year: set aside, spent, and whether the set-aside grows on the year before's (逐年增长); flaggedYears where it does not */
        get: operations["TrainingController_fund"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/fund/set-asides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the year's set-aside for workers' training (fen); recorded again, the figure is replaced. Answers the year's line of the fund */
        post: operations["TrainingController_setAside"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/fund/spending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an amount spent from the fund (fen), charged to spentOn's year; answers that year's line */
        post: operations["TrainingController_spend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The granting bodies' tasks: every named master's benefits, filtered by status, kind and the year the master was named */
        get: operations["BenefitsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/benefits/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year: masters named, where each benefit stands for them, and the steps (taken up, declined, granted) dated in the year */
        get: operations["BenefitsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/benefits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** A step of the benefit: offered → taken_up | declined (with a note), taken_up → granted; dated (today by default). Any other step is a 409 naming the status */
        patch: operations["BenefitsController_step"];
        trace?: never;
    };
    "/candidates/{id}/benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The master's benefits and where each stands; none for a candidate not (yet) named */
        get: operations["MasterBenefitsController_ofMaster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's notifications in the console (returned files, outcomes, reminders, escalations, assignments), newest first, with the unread count */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks all the caller's notifications read */
        post: operations["NotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks one of the caller's notifications read; 404 for one that is not the caller's */
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthDto: {
            /**
             * @description up only when the database and Temporal both are
             * @enum {string}
             */
            status: "up" | "down";
            /** @description {status: up|down, error?} */
            database: {
                [key: string]: unknown;
            };
            /** @description {status: up|down, error?} */
            temporal: {
                [key: string]: unknown;
            };
            /** @description {blocked: running workflows blocked for repair (null if Temporal could not say), error?} */
            workflows: {
                [key: string]: unknown;
            };
        };
        ConditionClaimDto: {
            /** @enum {string} */
            kind: "craft_specialty" | "superb_skill" | "leading_role" | "outstanding_contribution";
            /** @description What supports the claim */
            evidence: string;
        };
        OpinionDto: {
            text: string;
            /** @description Whether the paper form carries the seal (盖章) */
            sealed: boolean;
            /** @example 2017-04-10 */
            date: string;
        };
        CompetitionPlacingDto: {
            /** @example 瓯海区职工技能竞赛（眼镜装配） */
            name: string;
            /** @example 2017 */
            year: number;
            /**
             * @description Placing, 1 for first
             * @example 1
             */
            placing: number;
            organiser?: string;
        };
        ConsentDto: {
            /**
             * @description The date the candidate signed the consent (not after today)
             * @example 2017-04-08
             */
            signedOn: string;
            /**
             * @description Who attests the signature
             * @example 瓯海眼镜厂工会 李明
             */
            attestedBy: string;
        };
        CreateNominationDto: {
            /** @example 王建国 */
            name: string;
            /**
             * @description 18-character resident ID number (GB 11643)
             * @example 11010519491231002X
             */
            idNumber: string;
            /**
             * @description Must agree with the ID number
             * @enum {string}
             */
            sex?: "male" | "female";
            /**
             * @description Must agree with the ID number
             * @example 1949-12-31
             */
            birthDate?: string;
            /** @example 汉族 */
            ethnicity?: string;
            /** @example 高中 */
            education?: string;
            /** @example 中共党员 */
            politicalAffiliation?: string;
            employer: string;
            /** @example 车间主任 */
            position?: string;
            /** @description Sensitive: stored encrypted, shown masked */
            homeAddress?: string;
            /** @example 13812345678 */
            mobile: string;
            /** @enum {string} */
            industry: "footwear_leather" | "apparel" | "eyewear" | "locks" | "electrical_machinery" | "auto_moto_parts" | "other";
            /** @description Required when industry is 'other': why this front-line worker should be admitted */
            industryJustification?: string;
            /** @description Trade or job type (工种) */
            trade: string;
            /** @description Years of front-line skill work in the district; fewer than 3 fails screening */
            yearsOfWork: number;
            /** @enum {string} */
            skillLevel: "senior_technician" | "technician" | "senior_worker" | "intermediate_worker" | "junior_worker" | "senior_title" | "intermediate_title" | "junior_title";
            /** @description Honours at district level or above (区级以上) */
            honours?: string[];
            /** @description Main technical achievements (主要技术成果) */
            achievements?: string;
            /** @description Main deeds (主要事迹), about 500 characters, at most 800 */
            deeds?: string;
            /** @description At least one of the four conditions, each with supporting text */
            conditions?: components["schemas"]["ConditionClaimDto"][];
            /** @description Opinion of the nominating unit (推荐单位意见) */
            nominatorOpinion?: components["schemas"]["OpinionDto"];
            /** @description Opinion of the sub-district union or association; may follow in the endorsement stage */
            endorserOpinion?: components["schemas"]["OpinionDto"];
            /** @description Competition channel only: the competition and the placing */
            competition?: components["schemas"]["CompetitionPlacingDto"];
            /** @description The candidate's separate consent to processing their sensitive personal information (PIPL art. 29) */
            consent: components["schemas"]["ConsentDto"];
            /**
             * @description Sub-district (镇街/开发区) whose union endorses an organisational nomination
             * @enum {string}
             */
            area?: "jingshan" | "xinqiao" | "louqiao" | "panqiao" | "nanbaixiang" | "wutian" | "chashan" | "sanyang" | "liao" | "xianyan" | "quxi" | "guoxi" | "zeya" | "development_zone";
            /** @description The annual round; omitted, the nomination joins the round whose window is open */
            roundId?: string;
            /** @enum {string} */
            channel: "organisational" | "association" | "self" | "competition";
            /** @description Competition channel: the recorded result (GET /competitions/:id) the nomination rests on, instead of retyping `competition`. The form then takes the competition from the record; the name must be the competitor’s (400 naming `name` otherwise) */
            competitionResultId?: string;
        };
        NominationCreatedDto: {
            candidateId: string;
            workflowId: string;
            roundId?: Record<string, never>;
        };
        CandidateSummaryDto: {
            id: string;
            name: string;
            /** @enum {string} */
            channel: "organisational" | "association" | "self" | "competition";
            industry: string;
            trade: string;
            employer: string;
            area: string | null;
            roundId: string | null;
            roundYear: number | null;
            stage: string | null;
            status: string | null;
            dueAt: string | null;
            overdue: boolean;
            /** @description 0-100 */
            expertScore: number | null;
            nominatedAt: string;
            /** @description masked but for the programme office; null once erased */
            idNumber: string | null;
            /** @description masked but for the programme office; null once erased */
            mobile: string | null;
            /** @description masked but for the programme office; null once erased */
            homeAddress: string | null;
            erased: boolean;
        };
        CandidatePageDto: {
            items: components["schemas"]["CandidateSummaryDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        BankAccountViewDto: {
            /** @description the bank */
            bank: string | null;
            /** @description masked: the last four digits only */
            accountNumber: string;
            accountName: string | null;
            recordedBy: string | null;
            /** @description ISO instant */
            recordedAt: string | null;
        };
        CandidateViewDto: {
            candidateId: string;
            /** @enum {string} */
            channel: "organisational" | "association" | "self" | "competition" | "imported";
            /** @enum {string} */
            stage: "endorsement" | "qualification" | "inspection" | "expert_review" | "voting" | "leadership" | "public_notice" | "government_approval" | "commendation" | "payments" | "closed";
            /** @description awaiting_decision, returned, awaiting_panel, scoring, in_public_notice, paying, completed, rejected, withdrawn, … */
            status: string;
            /** @description ISO instant */
            stageEnteredAt: string;
            /** @description when the stage is due (ISO instant) */
            dueAt: string | null;
            publicNoticeEndsAt: string | null;
            /** @description decisions taken: {stage, outcome, reason, actor, at, overridePrechecks?, missing?, visit?} */
            decisions: {
                [key: string]: unknown;
            }[];
            /** @description returns sent back: {stage, note, actor, at, version?} */
            resubmissions: {
                [key: string]: unknown;
            }[];
            /** @description pre-checks: {check, passed, detail} */
            prechecks: {
                [key: string]: unknown;
            }[];
            /** @description conditions claimed */
            conditions: string[];
            /** @description the recorded competition result a competition-channel nomination is linked to */
            competitionResultId: string | null;
            /** @description panel seats the caller may see one by one (office and auditor all, an expert their own): {userId, status, reason?, scores?, averageCenti?, at} */
            panel: {
                [key: string]: unknown;
            }[];
            /** @description {seated, scored, recused, conflicts} */
            panelSummary: {
                [key: string]: unknown;
            };
            /** @description {scoreCenti, counted, dropped} */
            expertScore: {
                [key: string]: unknown;
            } | null;
            /** @description reminders and escalations raised: {stage, kind, dueAt, at} */
            alerts: {
                [key: string]: unknown;
            }[];
            /** @description how the file closed: {kind, reason, actor, at} */
            closure: {
                [key: string]: unknown;
            } | null;
            commendedAt: string | null;
            /** @description {leftOn, reason, actor, at, cancelled?, recovery?} */
            departure: {
                [key: string]: unknown;
            } | null;
            /** @description corrections of the departure */
            departureCorrections: {
                [key: string]: unknown;
            }[];
            /** @description instructions the schedule created: {kind, instalment, amountFen, dueOn, taskId} */
            payments: {
                [key: string]: unknown;
            }[];
            version: number;
            workflowId: string;
            roundId: string | null;
            name: string;
            /** @description in clear for the programme office, masked (3303**********123X) for every other role; null once erased */
            idNumber: string | null;
            /** @description in clear for the programme office, masked (138****5678) otherwise; null once erased */
            mobile: string | null;
            /** @description in clear for the programme office, cut after 6 characters otherwise; null once erased */
            homeAddress: string | null;
            /** @description the retention sweep erased the personal data */
            erased: boolean;
            bankAccount: components["schemas"]["BankAccountViewDto"] | null;
            employer: string;
            industry: string;
            trade: string;
            yearsOfWork: number | null;
            skillLevel: string | null;
            /** @description sub-district */
            area: string | null;
            /** @description the application form without its sealed fields; roles that see the ID number masked get birthYear instead of birthDate */
            form: {
                [key: string]: unknown;
            } | null;
            formVersion: number;
            inspectionBatchId: string | null;
            /** @description ISO instant */
            nominatedAt: string;
        };
        InspectionVisitDto: {
            /** @example 2017-04-18 */
            date: string;
            place: string;
            members: string[];
            findings: string;
        };
        DecisionDto: {
            /**
             * @description The stage being decided; must be the candidate's current stage
             * @enum {string}
             */
            stage: "endorsement" | "qualification" | "inspection" | "expert_review" | "voting" | "leadership" | "government_approval" | "commendation";
            /** @enum {string} */
            outcome: "approve" | "reject" | "return";
            /** @description Why; required for every decision, and for a return it says what is missing */
            reason: string;
            /** @description Qualification: approve although an automatic pre-check failed (the reason says why) */
            overridePrechecks?: boolean;
            /** @description Return: the materials or fields that are missing */
            missing?: string[];
            /** @description Endorsement: the sub-district union's opinion with its seal and date, added to the form */
            opinion?: components["schemas"]["OpinionDto"];
            /** @description Inspection: the visit this conclusion rests on */
            visit?: components["schemas"]["InspectionVisitDto"];
        };
        FormChangesDto: {
            /** @example 王建国 */
            name?: string;
            /**
             * @description 18-character resident ID number (GB 11643)
             * @example 11010519491231002X
             */
            idNumber?: string;
            /**
             * @description Must agree with the ID number
             * @enum {string}
             */
            sex?: "male" | "female";
            /**
             * @description Must agree with the ID number
             * @example 1949-12-31
             */
            birthDate?: string;
            /** @example 汉族 */
            ethnicity?: string;
            /** @example 高中 */
            education?: string;
            /** @example 中共党员 */
            politicalAffiliation?: string;
            employer?: string;
            /** @example 车间主任 */
            position?: string;
            /** @description Sensitive: stored encrypted, shown masked */
            homeAddress?: string;
            /** @example 13812345678 */
            mobile?: string;
            /** @enum {string} */
            industry?: "footwear_leather" | "apparel" | "eyewear" | "locks" | "electrical_machinery" | "auto_moto_parts" | "other";
            /** @description Required when industry is 'other': why this front-line worker should be admitted */
            industryJustification?: string;
            /** @description Trade or job type (工种) */
            trade?: string;
            /** @description Years of front-line skill work in the district; fewer than 3 fails screening */
            yearsOfWork?: number;
            /** @enum {string} */
            skillLevel?: "senior_technician" | "technician" | "senior_worker" | "intermediate_worker" | "junior_worker" | "senior_title" | "intermediate_title" | "junior_title";
            /** @description Honours at district level or above (区级以上) */
            honours?: string[];
            /** @description Main technical achievements (主要技术成果) */
            achievements?: string;
            /** @description Main deeds (主要事迹), about 500 characters, at most 800 */
            deeds?: string;
            /** @description At least one of the four conditions, each with supporting text */
            conditions?: components["schemas"]["ConditionClaimDto"][];
            /** @description Opinion of the nominating unit (推荐单位意见) */
            nominatorOpinion?: components["schemas"]["OpinionDto"];
            /** @description Opinion of the sub-district union or association; may follow in the endorsement stage */
            endorserOpinion?: components["schemas"]["OpinionDto"];
            /** @description Competition channel only: the competition and the placing */
            competition?: components["schemas"]["CompetitionPlacingDto"];
            /** @description The candidate's separate consent to processing their sensitive personal information (PIPL art. 29) */
            consent?: components["schemas"]["ConsentDto"];
            /**
             * @description Sub-district (镇街/开发区) whose union endorses an organisational nomination
             * @enum {string}
             */
            area?: "jingshan" | "xinqiao" | "louqiao" | "panqiao" | "nanbaixiang" | "wutian" | "chashan" | "sanyang" | "liao" | "xianyan" | "quxi" | "guoxi" | "zeya" | "development_zone";
        };
        ResubmissionDto: {
            /** @description What was added or changed */
            note: string;
            /** @description Corrections to the form; a new version is kept beside the old */
            form?: components["schemas"]["FormChangesDto"];
        };
        FormVersionDto: {
            candidateId: string;
            version: number;
            /** @description the form as submitted, its sensitive fields left out */
            form: {
                [key: string]: unknown;
            };
            /** @description the sensitive fields this version holds sealed */
            sealedFields: string[];
            note: string | null;
            createdBy: string;
            /** @description ISO instant */
            createdAt: string;
        };
        DepartureDto: {
            /**
             * @description Date the master left Ouhai to work elsewhere (YYYY-MM-DD, Asia/Shanghai)
             * @example 2027-03-15
             */
            leftOn: string;
            reason: string;
        };
        DepartureCorrectionDto: {
            /**
             * @description The right date (YYYY-MM-DD, Asia/Shanghai), or null when the departure was recorded by mistake
             * @example 2027-04-20
             */
            leftOn: string | null;
            /** @description Why the departure is corrected */
            reason: string;
        };
        HistoryEntryDto: {
            /** @description ISO instant */
            at: string;
            /** @description nominated, stage_entered, decision, payment_task_created, …, audit, form_edited */
            type: string;
            /** @description which run of the chain (workflow events) */
            run?: number;
            /** @description the event id in its run (workflow events) */
            eventId?: number;
            stage?: string;
            status?: string;
            outcome?: string;
            /** @description why: the reason given, or for a refusal why it was refused */
            reason?: string;
            note?: string;
            role?: string | null;
            userId?: string | null;
            /** @description {kind, instalment, amountFen, dueOn} */
            payment?: {
                [key: string]: unknown;
            };
            /** @description {userId, recusedBecause?} */
            experts?: {
                [key: string]: unknown;
            }[];
            /** @description condition → mark */
            scores?: {
                [key: string]: unknown;
            };
            /** @description {kind, dueAt} */
            alert?: {
                [key: string]: unknown;
            };
            overridePrechecks?: boolean;
            missing?: string[];
            /** @description {date, place, members, findings} */
            visit?: {
                [key: string]: unknown;
            };
            /** @description audit rows: the row id */
            auditId?: string;
            /** @description audit rows: the route, request.refused, pii.read, … */
            action?: string;
            route?: string | null;
            /** @description audit rows: {issuer, userId, role} */
            actor?: {
                [key: string]: unknown;
            };
            /** @description audit rows: the redacted request */
            detail?: {
                [key: string]: unknown;
            };
            /** @description form edits: the version */
            version?: number;
            /** @description form edits: {field, from, to} or {field, changed: true} for personal fields */
            changes?: {
                [key: string]: unknown;
            }[];
        };
        RefusedDecisionDto: {
            id: string;
            candidateId: string | null;
            userId: string;
            role: string;
            /** @description the action refused */
            action: string;
            /** @description what was asked, redacted */
            request: {
                [key: string]: unknown;
            };
            httpStatus: number;
            /** @description why it was refused */
            refusal: string;
            /** @description ISO instant */
            at: string;
        };
        NearMatchConfirmationDto: {
            /** @enum {string} */
            decision: "recuse" | "keep";
            /**
             * @description Why: kept for the audit
             * @example 金鹰眼镜与候选人所在金鹰鞋业无隶属关系
             */
            note: string;
        };
        PanelExpertDto: {
            /** @description The expert's user id (the subject of their token) */
            userId: string;
            /** @description The expert's employer: an expert of the candidate's employer is recused automatically */
            employer: string;
            /** @description Only for an employer that resembles the candidate's (the 409 lists them): recuse or keep the expert, with a note */
            nearMatch?: components["schemas"]["NearMatchConfirmationDto"];
        };
        PanelDto: {
            experts: components["schemas"]["PanelExpertDto"][];
        };
        RecusalDto: {
            id: string;
            candidateId: string;
            expertUserId: string;
            expertEmployer: string;
            candidateEmployer: string;
            /** @enum {string} */
            match: "same" | "near";
            why: string;
            /** @description 0-1 */
            similarity: number;
            /** @enum {string} */
            outcome: "recused" | "kept";
            /** @description recused without the office being asked */
            automatic: boolean;
            note: string | null;
            decidedBy: string;
            /** @description ISO instant */
            at: string;
        };
        ReasonDto: {
            /** @description Why, e.g. the bank returned the payment: account closed */
            reason: string;
        };
        ScoresDto: {
            /**
             * @description 0-100 for each condition the candidate claims
             * @example {
             *       "superb_skill": 86,
             *       "leading_role": 90
             *     }
             */
            scores: Record<string, never>;
        };
        InboxItemDto: {
            /** @enum {string} */
            kind: "file" | "round";
            /** @description files; for a round step, the objection's candidate */
            candidateId?: string;
            /** @description files */
            name?: string;
            /** @description files */
            employer?: string;
            /** @description files */
            industry?: string;
            /** @description files */
            channel?: string;
            /** @description files */
            area?: string | null;
            roundId: string | null;
            /** @description files */
            inspectionBatchId?: string | null;
            /** @description files */
            stage?: string;
            /** @description files */
            status?: string;
            dueAt: string | null;
            overdue: boolean;
            /** @description what the caller must do */
            action: string;
            /** @description round steps */
            year?: number;
            /** @description round steps */
            phase?: string;
            /** @description round steps: freeze_re_review_list, open_voting, approve_formal_list, start_public_notice, resolve_objection, approve_list, record_ceremony */
            step?: string;
            /** @description round steps: the call that does it */
            endpoint?: string;
            /** @description resolve_objection: which objection */
            objectionId?: string;
            /** @description resolve_objection: the candidate's name (never the objector's) */
            candidateName?: string;
        };
        BankAccountDto: {
            /**
             * @description The bank and branch (开户银行)
             * @example 中国工商银行温州瓯海支行
             */
            bank: string;
            /**
             * @description Account number (账号), digits; spaces are ignored
             * @example 6222 0212 3456 7890 123
             */
            accountNumber: string;
            /** @description Account holder (户名); the master's name when omitted */
            accountName?: string;
        };
        BankAccountRecordedDto: {
            candidateId: string;
            bankAccount: components["schemas"]["BankAccountViewDto"] | null;
        };
        DevTokenRequestDto: {
            /** @enum {string} */
            role: "union_office" | "street_union" | "inspector" | "expert" | "leadership" | "government" | "finance" | "auditor" | "admin" | "nominator";
            /**
             * @description The user id (the token subject)
             * @example su-louqiao-1
             */
            sub: string;
            /**
             * @description The scoped role's area, e.g. a sub-district for street_union
             * @example louqiao
             */
            area?: string;
        };
        DevTokenDto: {
            /** @description A bearer token of the local issuer */
            token: string;
            /** @description When it expires (ISO 8601) */
            expiresAt: string;
        };
        ConsoleSignInDto: {
            /**
             * @description dev: the local issuer (POST /dev/token); oidc: the identity provider, code with PKCE; none: not configured
             * @enum {string}
             */
            mode: "dev" | "oidc" | "none";
            /** @description The identity provider's authorization endpoint (oidc) */
            authorizationUrl: string | null;
            /** @description The console's client id at the identity provider (oidc) */
            clientId: string | null;
            /** @description The scopes to ask for (oidc) */
            scope: string | null;
        };
        ConsoleTokenRequestDto: {
            /** @description The authorization code the identity provider returned */
            code: string;
            /** @description The PKCE code verifier (RFC 7636: 43–128 of A–Z a–z 0–9 - . _ ~) */
            codeVerifier: string;
            /** @description The redirect URI the authorization request named (the console’s /sign-in/callback) */
            redirectUri: string;
        };
        ConsoleTokenDto: {
            /** @description The identity provider's access token, verified by this API: the console's bearer token */
            token: string;
            /** @description When it expires (ISO 8601) */
            expiresAt: string;
            /** @description The role the token carries (after OIDC_ROLE_MAP) */
            role: string;
            /** @description The user (token subject) */
            sub: string;
            /** @description The scoped role’s area */
            area: string | null;
        };
        AuditVerifyResultDto: {
            /** @description the whole chain recomputes */
            ok: boolean;
            /** @description rows checked */
            rows: number;
            /** @description the id of the first row that fails; null when intact */
            firstBrokenRow: number | null;
            /** @description the recomputed head's hash */
            headHash: string;
            /** @description given an earlier digest: its row still carries its hash */
            digestMatches?: boolean;
        };
        AuditDigestDto: {
            /** @description the chain's head hash as stored */
            headHash: string;
            rows: number;
            /** @description the head row, null for an empty log */
            headId: number | null;
            /** @description ISO instant */
            at: string;
        };
        AuditActorDto: {
            issuer: string | null;
            userId: string | null;
            role: string | null;
        };
        AuditRowDto: {
            id: string;
            /** @description ISO instant, to the millisecond */
            at: string;
            /** @enum {string} */
            alg: "sha256" | "sm3";
            actor: components["schemas"]["AuditActorDto"];
            /** @description the route of a write, request.refused, pii.read, payment.instruction_created, … */
            action: string;
            route: string | null;
            objectType: string | null;
            objectId: string | null;
            candidateId: string | null;
            roundId: string | null;
            /** @description the HTTP status answered */
            status: number | null;
            /** @description ids, the redacted request, the answer: nothing personal */
            detail: {
                [key: string]: unknown;
            };
            prevHash: string;
            hash: string;
        };
        CreateRoundDto: {
            /** @example 2017 */
            year: number;
            /**
             * @description How many masters this round may name
             * @example 30
             */
            quota: number;
            /**
             * @description ISO 8601 instant with offset; the window includes it
             * @example 2017-04-06T00:00:00+08:00
             */
            nominationOpensAt: string;
            /**
             * @description ISO 8601 instant with offset; the window ends just before it
             * @example 2017-04-16T00:00:00+08:00
             */
            nominationClosesAt: string;
            /**
             * @description End of the selection review (评选审核)
             * @example 2017-04-26T00:00:00+08:00
             */
            reviewClosesAt: string;
            /**
             * @description Length of the online vote in days once the office opens it (default 3)
             * @example 3
             */
            votingDays?: number;
            /**
             * @description The public notice period, e.g. "7d" (default PUBLIC_NOTICE_DURATION)
             * @example 7d
             */
            publicNoticeDuration?: string;
        };
        RoundCreatedDto: {
            roundId: string;
        };
        RoundDto: {
            id: string;
            year: number;
            quota: number;
            nominationOpensAt: string;
            nominationClosesAt: string;
            reviewClosesAt: string;
            /**
             * @description The round workflow's phase (upcoming before nominations open); a round from before rounds ran as workflows: upcoming, nominating, reviewing, closed
             * @enum {string}
             */
            phase: "upcoming" | "nominating" | "reviewing" | "re_review_list" | "voting" | "leadership_review" | "public_notice" | "government_approval" | "commendation" | "closed";
            /** @description nomination, review, voting, notice and ceremony windows (Asia/Shanghai dates, ISO instants) */
            windows: Record<string, never>;
            /** @description quota, selected, approved, commended, remaining */
            quotaUse: Record<string, never>;
            /** @description candidates on the re-review list by outcome */
            entries: Record<string, never>;
            runsAsWorkflow: boolean;
            createdBy: string;
            createdAt: string;
        };
        RoundReportDto: {
            roundId: string;
            year: number;
            quota: number;
            /** @description nominations in all */
            total: number;
            /** @description channel → nominations */
            byChannel: {
                [key: string]: unknown;
            };
            /** @description industry → nominations */
            byIndustry: {
                [key: string]: unknown;
            };
            /** @description sub-district → {count, target, meetsTarget} (organisational nominations against ROUND_AREA_TARGET) */
            byArea: {
                [key: string]: unknown;
            };
            /** @description organisational nominations without a known sub-district */
            organisationalWithoutArea: number;
        };
        RoundFunnelDto: {
            roundId: string;
            year: number;
            quota: number;
            /** @description the round's files */
            files: number;
            /** @description stage → files */
            byStage: {
                [key: string]: unknown;
            };
            /** @description status → files */
            byStatus: {
                [key: string]: unknown;
            };
            /** @description candidates on the re-review list */
            reReviewList: number;
            /** @description outcome → candidates on the list */
            byOutcome: {
                [key: string]: unknown;
            };
        };
        RankingEntryDto: {
            /** @description equal scores share a rank */
            rank: number;
            candidateId: string;
            name: string;
            employer: string;
            industry: string;
            /** @description the expert score */
            score: number;
            stage: string;
            status: string;
            /** @description once the list is frozen (null until the vote closes) */
            votes?: number | null;
            voteScore?: number | null;
            combinedScore?: number | null;
            combinedRank?: number | null;
            outcome?: string | null;
            /** @description why the outcome */
            reason?: string | null;
        };
        RankingDto: {
            roundId: string;
            year: number;
            quota: number;
            ranking: components["schemas"]["RankingEntryDto"][];
        };
        PhaseChangeDto: {
            /** @example 按计划进行 */
            reason: string;
            /** @enum {string} */
            action: "close" | "extend";
            /**
             * @description The new end of the current window (extend only)
             * @example 2017-04-28T00:00:00+08:00
             */
            until?: string;
        };
        ReReviewListDto: {
            /** @example 按计划进行 */
            reason: string;
            /** @description How many ranks to keep (ties at the cut stay); default everyone who completed expert review */
            size?: number;
        };
        OpenVotingDto: {
            /** @example 按计划进行 */
            reason: string;
            /** @description When the vote closes; default the round's voting days from now */
            closesAt?: string;
        };
        CandidateReasonDto: {
            candidateId: string;
            reason: string;
        };
        FormalListDto: {
            /** @description The formal candidate list (正式候选名单), within the quota */
            selected: components["schemas"]["CandidateReasonDto"][];
            /** @description Everyone else on the re-review list, each with the reason */
            leftOut: components["schemas"]["CandidateReasonDto"][];
        };
        StartNoticeDto: {
            /** @example 按计划进行 */
            reason: string;
        };
        ApprovalDto: {
            /** @description Candidates the district government approves */
            approved: string[];
            notApproved: components["schemas"]["CandidateReasonDto"][];
        };
        CeremonyDto: {
            /** @example 按计划进行 */
            reason: string;
            /**
             * @description Asia/Shanghai; commendation takes effect that day (it may lie ahead)
             * @example 2017-04-28
             */
            date: string;
            /** @example 瓯海区行政中心 */
            place?: string;
        };
        ObjectionViewDto: {
            id: string;
            roundId: string;
            year: number;
            candidateId: string;
            candidateName: string;
            objectorName: string;
            /** @description in clear for the programme office, masked for other roles */
            contact: string;
            grounds: string;
            /** @description ISO instant */
            filedAt: string;
            /** @enum {string} */
            status: "open" | "upheld" | "dismissed";
            /** @description {outcome, reason, resolvedBy, resolvedAt}; null while open */
            resolution: {
                [key: string]: unknown;
            } | null;
        };
        ResolutionDto: {
            /** @example 按计划进行 */
            reason: string;
            /**
             * @description upheld disqualifies the candidate
             * @enum {string}
             */
            outcome: "upheld" | "dismissed";
        };
        PublicNoticeDto: {
            roundId: string;
            year: number;
            title: string;
            /** @description ISO instant */
            startsAt: string;
            /** @description ISO instant */
            endsAt: string;
            /** @description the window in words, Asia/Shanghai */
            window: string;
            /** @description objections are taken now */
            open: boolean;
            /** @description {candidateId, name, sex, employer, trade, deeds (in short)} */
            candidates: {
                [key: string]: unknown;
            }[];
            howToObject: string;
        };
        ObjectionDto: {
            /** @example 张三 */
            name: string;
            /**
             * @description How the office can reach you; kept sealed
             * @example 13912345678
             */
            contact: string;
            /** @description What you object to, and why */
            grounds: string;
        };
        ObjectionFiledDto: {
            objectionId: string;
        };
        ProgrammeDto: {
            /** @description PROGRAMME_TARGET */
            target: number;
            /** @description masters commended so far */
            commended: number;
            remaining: number;
            /** @description the rounds' quotas together */
            quotas: number;
            /** @description the quotas together fall short of the target */
            quotasShortOfTarget: boolean;
            /** @description per round: {roundId, year, quota, phase, ceremonyDate, commended} */
            rounds: {
                [key: string]: unknown;
            }[];
            /** @description the union's training fund per year: {years: [{year, setAsideFen, spentFen, remainingFen, growsOnPreviousYear}], flaggedYears} */
            trainingFund: {
                [key: string]: unknown;
            };
            /** @description studios named against STUDIO_TARGET (30), per batch, and the apprentices the named studios train, per studio and per year */
            studios: {
                [key: string]: unknown;
            };
        };
        CandidateStandingDto: {
            candidateId: string;
            /** @description null for a file of no round */
            roundId: string | null;
            year: number | null;
            quota: number | null;
            /** @description the file's line of the round's ranking; null until it has an expert score */
            line: components["schemas"]["RankingEntryDto"] | null;
        };
        CreateStudioBatchDto: {
            /**
             * @description The batch year; batches are every STUDIO_BATCH_INTERVAL_YEARS (2) years
             * @example 2018
             */
            year: number;
            /**
             * @description Applications open (ISO 8601 with offset; included)
             * @example 2018-03-01T00:00:00+08:00
             */
            opensAt: string;
            /**
             * @description Applications close (excluded)
             * @example 2018-04-01T00:00:00+08:00
             */
            closesAt: string;
            /**
             * @description The creation standard (创建标准): the checklist every application is screened against
             * @example [
             *       "场地面积不少于50平方米"
             *     ]
             */
            criteria: string[];
        };
        StudioBatchSummaryDto: {
            id: string;
            year: number;
            /** @description ISO instant */
            opensAt: string;
            /** @description ISO instant */
            closesAt: string;
            /** @description the leadership group's approval (ISO instant) */
            approvedAt: string | null;
            /** @description applications filed */
            applications: number;
            /** @description studios named */
            named: number;
        };
        StudioBatchStudioDto: {
            id: string;
            name: string;
            /** @description the named master the studio is named after */
            masterId: string;
            /** @enum {string} */
            status: "applied" | "returned" | "screened" | "named" | "rejected" | "not_approved" | "withdrawn";
            /** @description YYYY-MM-DD, Asia/Shanghai */
            namedOn: string | null;
        };
        StudioBatchDto: {
            id: string;
            year: number;
            /** @description ISO instant */
            opensAt: string;
            /** @description ISO instant */
            closesAt: string;
            /** @description applications are taken now */
            open: boolean;
            /** @description the creation standard (创建标准): each screening checks every one */
            criteria: string[];
            /** @description the leadership group's decision: {approvalId, approved: [studioId], notApproved: [{studioId, reason}], by, at} */
            approval: {
                [key: string]: unknown;
            } | null;
            /** @description the studios of the batch the caller may see, oldest application first */
            studios: components["schemas"]["StudioBatchStudioDto"][];
        };
        StudioNotApprovedDto: {
            /** Format: uuid */
            studioId: string;
            reason: string;
        };
        StudioBatchApprovalDto: {
            /** @description Studios the leadership group approves: each is named and its grant instructed */
            approved: string[];
            /** @description Every other screened studio of the batch, each with the reason */
            notApproved: components["schemas"]["StudioNotApprovedDto"][];
        };
        PlannedApprenticeDto: {
            /** @example 李小明 */
            name: string;
            /** @example 2018-05-01 */
            startOn: string;
        };
        CreateStudioDto: {
            /** @example 王建国眼镜装配技能大师工作室 */
            name: string;
            /**
             * @description The host unit (依托单位)
             * @example 温州瓯海眼镜有限公司
             */
            hostUnit: string;
            /** @example 娄桥街道古岸头工业区3号楼2层，120平方米 */
            premises: string;
            /** @example 眼镜装配 */
            trade: string;
            /**
             * @description The plan: mentoring, research, training
             * @example 每年带徒3名，开展技术攻关2项
             */
            plan: string;
            /** Format: uuid */
            batchId: string;
            /**
             * Format: uuid
             * @description The candidate id of the named master (commended) the studio is named after
             */
            masterId: string;
            /** @description The "N" of "1+N": the apprentices the studio will train */
            apprentices: components["schemas"]["PlannedApprenticeDto"][];
        };
        StudioSummaryDto: {
            id: string;
            name: string;
            hostUnit: string;
            trade: string;
            /** @enum {string} */
            status: "applied" | "returned" | "screened" | "named" | "rejected" | "not_approved" | "withdrawn";
            /** @description YYYY-MM-DD, Asia/Shanghai */
            namedOn: string | null;
            batchId: string;
            batchYear: number;
            masterId: string;
            masterName: string;
            /** @description ISO instant */
            appliedAt: string;
            /** @description apprentices recorded */
            apprentices: number;
        };
        StudioPageDto: {
            items: components["schemas"]["StudioSummaryDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        ApprenticeViewDto: {
            id: string;
            name: string;
            /** @description YYYY-MM-DD */
            startOn: string;
            /** @description YYYY-MM-DD */
            endOn: string | null;
            /** @description {skillLevel?, competition?: {name, year, placing}, note?} */
            outcome: {
                [key: string]: unknown;
            } | null;
            /** @description ISO instant */
            updatedAt: string | null;
        };
        StudioViewDto: {
            id: string;
            /** @description {id, year} */
            batch: {
                [key: string]: unknown;
            };
            name: string;
            hostUnit: string;
            premises: string;
            trade: string;
            plan: string;
            /** @description the named master: {id, name, trade, employer} */
            master: {
                [key: string]: unknown;
            };
            /** @description who applied: {userId, role} */
            submittedBy: {
                [key: string]: unknown;
            };
            /** @description ISO instant */
            appliedAt: string;
            /** @enum {string} */
            status: "applied" | "returned" | "screened" | "named" | "rejected" | "not_approved" | "withdrawn";
            /** @description {outcome: pass|fail|return, criteria: [{criterion, met, evidence}], reason, by: {userId, role}, at} */
            screenings: {
                [key: string]: unknown;
            }[];
            /** @description {note, by: {userId, role}, at} */
            resubmissions: {
                [key: string]: unknown;
            }[];
            /** @description the leadership group's decision on it: {approved, reason, by: {userId, role}, at} */
            approval: {
                [key: string]: unknown;
            } | null;
            /** @description the naming date, YYYY-MM-DD, Asia/Shanghai */
            namedOn: string | null;
            /** @description the grant's instruction: {taskId, amountFen, dueOn, status (as finance has it)} */
            grant: {
                [key: string]: unknown;
            } | null;
            /** @description how it closed: {kind: rejected|not_approved|withdrawn, reason, by: {userId, role}, at} */
            closure: {
                [key: string]: unknown;
            } | null;
            /** @description the host unit's account the grant is paid to, masked; null until the office records it */
            bankAccount: components["schemas"]["BankAccountViewDto"] | null;
            apprentices: components["schemas"]["ApprenticeViewDto"][];
        };
        CriterionCheckDto: {
            /** @example 场地面积不少于50平方米 */
            criterion: string;
            met: boolean;
            /** @example 现场查看，面积120平方米 */
            evidence: string;
        };
        ScreeningDto: {
            /**
             * @description pass: on to the leadership group; fail: rejected; return: back to the applicant
             * @enum {string}
             */
            outcome: "pass" | "fail" | "return";
            /** @description Every criterion of the batch's creation standard, once, with its evidence */
            criteria: components["schemas"]["CriterionCheckDto"][];
            reason: string;
        };
        StudioFormCorrectionDto: {
            name?: string;
            hostUnit?: string;
            premises?: string;
            trade?: string;
            plan?: string;
        };
        StudioResubmissionDto: {
            /** @description What was added or corrected */
            note: string;
            /** @description Corrections to the studio as filed (any of its fields) */
            form?: components["schemas"]["StudioFormCorrectionDto"];
        };
        StudioReasonDto: {
            reason: string;
        };
        ApprenticeOutcomeDto: {
            /**
             * @description The skill level or title reached
             * @enum {string}
             */
            skillLevel?: "senior_technician" | "technician" | "senior_worker" | "intermediate_worker" | "junior_worker" | "senior_title" | "intermediate_title" | "junior_title";
            /** @description A competition placing */
            competition?: components["schemas"]["CompetitionPlacingDto"];
            note?: string;
        };
        AddApprenticeDto: {
            /** @example 李小明 */
            name: string;
            /** @example 2018-05-01 */
            startOn: string;
            /**
             * @description When the apprenticeship ended
             * @example 2020-04-30
             */
            endOn?: string;
            outcome?: components["schemas"]["ApprenticeOutcomeDto"];
        };
        ApprenticeDto: {
            id: string;
            name: string;
            /** @description YYYY-MM-DD */
            startOn: string;
            /** @description YYYY-MM-DD */
            endOn: string | null;
            /** @description {skillLevel?, competition?: {name, year, placing}, note?} */
            outcome: {
                [key: string]: unknown;
            } | null;
            /** @description ISO instant */
            updatedAt: string | null;
            studioId: string;
        };
        UpdateApprenticeDto: {
            /**
             * @description When the apprenticeship ended; null: not ended after all
             * @example 2020-04-30
             */
            endOn?: string | null;
            /** @description What it led to; replaces the outcome recorded */
            outcome?: components["schemas"]["ApprenticeOutcomeDto"];
        };
        AttachmentDto: {
            id: string;
            /** @enum {string} */
            kind: "id_proof" | "years_proof" | "skill_certificate" | "honour" | "achievement_proof" | "other" | "consent";
            filename: string;
            contentType: string;
            sizeBytes: number;
            /** @description SHA-256 of the document (the download ETag) */
            sha256: string;
            /** @description ISO instant */
            uploadedAt: string;
            /** @description the retention sweep erased the content */
            erased: boolean;
        };
        CreateBatchDto: {
            /** @example 第一批考察（眼镜、锁具） */
            name: string;
            /** @example 2017-04-18 */
            plannedOn: string;
            /** @description The inspection team */
            members: string[];
            /** @description Candidates not yet past inspection and still in the running */
            candidateIds: string[];
            /** @description The round; by default the candidates' own (they must all be of one round) */
            roundId?: string;
            /** @description Move candidates that are already in another batch (without it, that is a 409) */
            move?: boolean;
        };
        BatchMemberDto: {
            candidateId: string;
            name: string;
            employer: string;
            stage: string | null;
            status: string | null;
        };
        BatchMoveDto: {
            candidateId: string;
            name: string;
            /** @description null when first put in a batch */
            fromBatchId: string | null;
            toBatchId: string;
            movedBy: string;
            role: string;
            /** @description ISO instant */
            at: string;
        };
        BatchCreatedDto: {
            id: string;
            roundId: string | null;
            name: string;
            /** @description YYYY-MM-DD */
            plannedOn: string;
            /** @description the inspection team */
            members: string[];
            createdBy: string;
            /** @description ISO instant */
            createdAt: string;
            candidateCount: number;
            /** @description where each candidate stands */
            candidates: components["schemas"]["BatchMemberDto"][];
            /** @description who put each candidate in or moved it out, when */
            history: components["schemas"]["BatchMoveDto"][];
            /** @description candidates moved here from another batch: {candidateId, name, fromBatchId, fromBatchName} */
            moved: {
                [key: string]: unknown;
            }[];
        };
        BatchSummaryDto: {
            id: string;
            roundId: string | null;
            name: string;
            /** @description YYYY-MM-DD */
            plannedOn: string;
            /** @description the inspection team */
            members: string[];
            createdBy: string;
            /** @description ISO instant */
            createdAt: string;
            candidateCount: number;
        };
        BatchPageDto: {
            items: components["schemas"]["BatchSummaryDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        BatchDto: {
            id: string;
            roundId: string | null;
            name: string;
            /** @description YYYY-MM-DD */
            plannedOn: string;
            /** @description the inspection team */
            members: string[];
            createdBy: string;
            /** @description ISO instant */
            createdAt: string;
            candidateCount: number;
            /** @description where each candidate stands */
            candidates: components["schemas"]["BatchMemberDto"][];
            /** @description who put each candidate in or moved it out, when */
            history: components["schemas"]["BatchMoveDto"][];
        };
        VotingWindowDto: {
            /** @enum {string} */
            state: "unscheduled" | "not_open" | "open" | "closed";
            opensAt: string | null;
            closesAt: string | null;
            /** @example from 2031-04-20 00:00 to 2031-04-22 24:00 (Asia/Shanghai) */
            window: string | null;
            /** @example 3 */
            days: number;
        };
        PublicCandidateDto: {
            candidateId: string;
            name: string;
            employer: string;
            trade: string;
            /** @description Main deeds (主要事迹) from the application form */
            deeds: string | null;
            /** @description Only once voting has closed */
            votes?: number;
        };
        PublicRoundDto: {
            roundId: string;
            year: number;
            /** @description The round's phase */
            phase: string;
            voting: components["schemas"]["VotingWindowDto"];
            /** @description During and after voting; by name */
            candidates: components["schemas"]["PublicCandidateDto"][];
        };
        CastVoteDto: {
            /**
             * Format: uuid
             * @description A candidate on the round's re-review list
             */
            candidateId: string;
            /**
             * @description How the voter is identified: a WeChat OAuth code, or (development only) any string
             * @enum {string}
             */
            verifier: "wechat" | "dev";
            /** @description wechat: the OAuth `code` from the official account page; dev: the voter identity itself */
            credential: string;
        };
        VoteCastDto: {
            /** Format: uuid */
            voteId: string;
            /**
             * @description The Asia/Shanghai date the vote counts for
             * @example 2031-04-20
             */
            day: string;
        };
        WechatOAuthDto: {
            /** @description The official account's app id (公众号 AppID) */
            appId: string;
            /**
             * @description Send the voter here with appid, redirect_uri, response_type=code, scope and state, ending in #wechat_redirect
             * @example https://open.weixin.qq.com/connect/oauth2/authorize
             */
            authorizeUrl: string;
            /**
             * @description snsapi_base: the openid alone, with no prompt to the voter
             * @example snsapi_base
             */
            scope: string;
        };
        VoterVerificationDto: {
            /** @description The verifiers this server accepts, WeChat first */
            verifiers: ("wechat" | "dev")[];
            /**
             * @description Most candidates one voter may vote for in one Asia/Shanghai day
             * @example 10
             */
            dailyCandidateLimit: number;
            /** @description Null when WeChat is not configured (WECHAT_APP_ID) */
            wechat: components["schemas"]["WechatOAuthDto"] | null;
        };
        TallyCandidateDto: {
            candidateId: string;
            name: string;
            rank: number;
            outcome: string | null;
            votes: number;
        };
        VoteTallyDto: {
            roundId: string;
            year: number;
            phase: string;
            voting: components["schemas"]["VotingWindowDto"];
            totalVotes: number;
            distinctVoters: number;
            candidates: components["schemas"]["TallyCandidateDto"][];
            /** @description per Asia/Shanghai day: {day, votes, voters} */
            byDay: {
                [key: string]: unknown;
            }[];
        };
        InstructionDto: {
            id: string;
            candidateId: string;
            /** @description a studio grant: the studio */
            studioId: string | null;
            /** @description the payee's name */
            payeeName: string;
            /** @enum {string} */
            kind: "bonus" | "subsidy" | "studio_grant";
            /** @description 0 for the bonus, 1-24 for the subsidy */
            instalment: number;
            /** @description 1, then each reissue */
            attempt: number;
            /** @description fen */
            amountFen: number;
            /** @description YYYY-MM-DD, Asia/Shanghai */
            dueOn: string;
            /** @enum {string} */
            status: "due" | "approved" | "paid" | "failed" | "reissued" | "cancelled";
            approvedBy: string | null;
            approvedAt: string | null;
            paidBy: string | null;
            paidAt: string | null;
            /** @description the bank's reference */
            reference: string | null;
            paidOn: string | null;
            failedBy: string | null;
            failedAt: string | null;
            failureReason: string | null;
            reissuedBy: string | null;
            reissuedAt: string | null;
            reissueReason: string | null;
            cancelledBy: string | null;
            cancelledAt: string | null;
            cancellationReason: string | null;
            /** @description flagged for recovery (追回) after a departure */
            recovery: boolean;
            recoveryBy: string | null;
            recoveryAt: string | null;
            recoveryReason: string | null;
            createdAt: string | null;
        };
        CountAmountDto: {
            count: number;
            /** @description fen */
            amountFen: number;
        };
        InstructionPageDto: {
            items: components["schemas"]["InstructionDto"][];
            /** @description of the instructions listed */
            totals: components["schemas"]["CountAmountDto"];
        };
        InstructionStepDto: {
            /** @description created, approved, paid, failed, reissued, cancelled, restored, recovery_flagged, recovery_cleared */
            step: string;
            by: string;
            /** @description ISO instant */
            at: string;
            reason: string | null;
            /** @description what the step recorded besides */
            detail?: {
                [key: string]: unknown;
            };
        };
        InstructionDetailDto: {
            id: string;
            candidateId: string;
            /** @description a studio grant: the studio */
            studioId: string | null;
            /** @description the payee's name */
            payeeName: string;
            /** @enum {string} */
            kind: "bonus" | "subsidy" | "studio_grant";
            /** @description 0 for the bonus, 1-24 for the subsidy */
            instalment: number;
            /** @description 1, then each reissue */
            attempt: number;
            /** @description fen */
            amountFen: number;
            /** @description YYYY-MM-DD, Asia/Shanghai */
            dueOn: string;
            /** @enum {string} */
            status: "due" | "approved" | "paid" | "failed" | "reissued" | "cancelled";
            approvedBy: string | null;
            approvedAt: string | null;
            paidBy: string | null;
            paidAt: string | null;
            /** @description the bank's reference */
            reference: string | null;
            paidOn: string | null;
            failedBy: string | null;
            failedAt: string | null;
            failureReason: string | null;
            reissuedBy: string | null;
            reissuedAt: string | null;
            reissueReason: string | null;
            cancelledBy: string | null;
            cancelledAt: string | null;
            cancellationReason: string | null;
            /** @description flagged for recovery (追回) after a departure */
            recovery: boolean;
            recoveryBy: string | null;
            recoveryAt: string | null;
            recoveryReason: string | null;
            createdAt: string | null;
            /** @description every step, who took it, when, why */
            history: components["schemas"]["InstructionStepDto"][];
        };
        BatchApprovalDto: {
            /** @description Instructions to approve together: all of them, or none */
            ids: string[];
        };
        InstructionBatchDto: {
            /** @description the instructions approved */
            items: components["schemas"]["InstructionDto"][];
        };
        NoBodyDto: Record<string, never>;
        ConfirmDto: {
            /** @description The bank or treasury payment reference; spaces around it are dropped */
            reference: string;
            /**
             * @description The date the bank paid (YYYY-MM-DD, Asia/Shanghai); not after today
             * @example 2017-05-12
             */
            paidOn: string;
        };
        MasterPaidDto: {
            candidateId: string;
            name: string;
            /** @description fen paid so far */
            paidFen: number;
            /** @description instructions paid */
            paidCount: number;
            /** @description fen left under the cap */
            remainingFen: number;
            /** @description paid above the cap */
            breach: boolean;
        };
        CapBreachDto: {
            candidateId: string;
            name: string;
            /** @description fen */
            paidFen: number;
            paidCount: number;
            /** @description fen */
            capFen: number;
            /** @description fen above the cap */
            excessFen: number;
        };
        ReconciliationDto: {
            /** @description YYYY-MM, or null for all time */
            month: string | null;
            /** @description the most one master is paid: the bonus and every subsidy instalment (fen) */
            capFen: number;
            due: components["schemas"]["CountAmountDto"];
            approved: components["schemas"]["CountAmountDto"];
            paid: components["schemas"]["CountAmountDto"];
            failed: components["schemas"]["CountAmountDto"];
            cancelled: components["schemas"]["CountAmountDto"];
            /** @description due, approved, or failed and not yet reissued */
            outstanding: components["schemas"]["CountAmountDto"];
            /** @description paid and flagged for recovery */
            recovery: components["schemas"]["CountAmountDto"];
            /** @description each master's money paid against the cap */
            masters: components["schemas"]["MasterPaidDto"][];
            /** @description masters paid above the cap */
            breaches: components["schemas"]["CapBreachDto"][];
        };
        CountFenDto: {
            count: number;
            /** @description fen */
            fen: number;
        };
        ForecastMonthDto: {
            /** @description YYYY-MM */
            month: string;
            bonus: components["schemas"]["CountFenDto"];
            subsidy: components["schemas"]["CountFenDto"];
            studioGrant: components["schemas"]["CountFenDto"];
            /** @description fen */
            totalFen: number;
        };
        ForecastTotalsDto: {
            bonus: components["schemas"]["CountFenDto"];
            subsidy: components["schemas"]["CountFenDto"];
            studioGrant: components["schemas"]["CountFenDto"];
            /** @description fen */
            totalFen: number;
        };
        UndatedBonusesDto: {
            bonus: components["schemas"]["CountFenDto"];
        };
        ForecastDto: {
            /** @description YYYY-MM */
            from: string;
            /** @description YYYY-MM */
            to: string;
            roundId: string | null;
            months: components["schemas"]["ForecastMonthDto"][];
            /** @description over the months */
            totals: components["schemas"]["ForecastTotalsDto"];
            /** @description bonuses of named masters whose ceremony has no date yet */
            undated: components["schemas"]["UndatedBonusesDto"];
        };
        RegisterPublicEntryDto: {
            name: string;
            yearNamed: number;
            /**
             * @description absent when limited
             * @enum {string|null}
             */
            sex?: "male" | "female" | null;
            /** @description absent when limited */
            trade?: string;
            /** @description absent when limited */
            employer?: string;
            /** @description the demonstration studio named after the master, once named; absent when limited */
            studio?: string | null;
            /** @description the deeds the office published, null until it does; absent when limited */
            deeds?: string | null;
        };
        RegisterOfficeEntryDto: {
            candidateId: string;
            name: string;
            yearNamed: number;
            /** @description the public entry shows the name and the year named only */
            limited: boolean;
            deeds: string | null;
            updatedBy: string | null;
            /** @description ISO instant */
            updatedAt: string | null;
            /** @description the entry as the public reads it */
            public: components["schemas"]["RegisterPublicEntryDto"];
        };
        BenefitCountsDto: {
            offered: number;
            taken_up: number;
            declined: number;
            granted: number;
        };
        MasterViewDto: {
            candidateId: string;
            name: string;
            yearNamed: number;
            /** @description the day they were named (YYYY-MM-DD) */
            namedOn: string | null;
            industry: string;
            trade: string;
            skillLevel: string | null;
            employer: string;
            /** @description sub-district */
            area: string | null;
            /** @description in clear for the programme office, masked (3303**********123X) for every other role; null once erased */
            idNumber: string | null;
            /** @description in clear for the programme office, masked (138****5678) otherwise; null once erased */
            mobile: string | null;
            /** @description in clear for the programme office, cut after 6 characters otherwise; null once erased */
            homeAddress: string | null;
            /** @description the retention sweep erased the personal data */
            erased: boolean;
            /** @description the register entry as the office reads it: whether limited, the deeds even when the public does not see them */
            register: components["schemas"]["RegisterOfficeEntryDto"];
            /** @description how many of the master's benefits stand at each status */
            benefits: components["schemas"]["BenefitCountsDto"];
        };
        MasterPageDto: {
            items: components["schemas"]["MasterViewDto"][];
            /** @description masters matching */
            total: number;
            page: number;
            pageSize: number;
        };
        MasterYearsDto: {
            /** @description the latest first */
            years: number[];
        };
        PaperPaymentDto: {
            /** @description The bank or treasury payment reference on the paper record */
            reference: string;
            /** @example 2018-02-10 */
            paidOn: string;
        };
        PaperSubsidyDto: {
            /** @description The bank or treasury payment reference on the paper record */
            reference: string;
            /** @example 2018-02-10 */
            paidOn: string;
            /**
             * @description Which monthly instalment (1 = the first month after the commendation month)
             * @example 1
             */
            instalment: number;
        };
        ImportedMasterDto: {
            /** @example 王建国 */
            name: string;
            /** @description 18-character resident ID number (GB 11643); sealed, shown masked */
            idNumber: string;
            /** @description Sealed, shown masked; paper files do not always have one */
            mobile?: string;
            employer: string;
            /** @example 眼镜装配 */
            trade: string;
            /** @enum {string} */
            industry: "footwear_leather" | "apparel" | "eyewear" | "locks" | "electrical_machinery" | "auto_moto_parts" | "other";
            /**
             * @description The round that named the master (2017 on)
             * @example 2018
             */
            roundYear: number;
            /**
             * @description The commendation date: the bonus date, and month 0 of the subsidy
             * @example 2018-12-28
             */
            commendedOn: string;
            /** @description The bonus as paid on paper, or null when it is still to pay */
            bonusPaid: components["schemas"]["PaperPaymentDto"] | null;
            /** @description Subsidy instalments already paid on paper (may be empty) */
            subsidiesPaid: components["schemas"]["PaperSubsidyDto"][];
            /** @description The payee account; sealed, shown masked */
            bankAccount?: components["schemas"]["BankAccountDto"];
        };
        MasterImportDto: {
            masters: components["schemas"]["ImportedMasterDto"][];
        };
        MasterImportResultDto: {
            /** @description files created by this import: {candidateId} */
            imported: {
                [key: string]: unknown;
            }[];
            /** @description masters already imported, left as they were: {candidateId} */
            unchanged: {
                [key: string]: unknown;
            }[];
        };
        CodecPayloadDto: {
            /**
             * @description Metadata entries, each value base64
             * @example {
             *       "encoding": "YmluYXJ5L2VuY3J5cHRlZA=="
             *     }
             */
            metadata: Record<string, never>;
            /** @description The payload bytes in base64 */
            data?: string;
        };
        CodecRequestDto: {
            payloads: components["schemas"]["CodecPayloadDto"][];
        };
        PersonExportDto: {
            /**
             * @description The requester's 18-character resident ID number (GB 11643)
             * @example 11010519491231002X
             */
            idNumber: string;
        };
        PersonNotificationDto: {
            /** @description returned, outcome, reminder, escalation, assignment */
            kind: string;
            /** @description console, sms, email */
            channel: string;
            /** @description {role, userId}: whom it was for */
            recipient: {
                [key: string]: unknown;
            };
            /** @description the number or address it went to, in clear; null in the console */
            contact: string | null;
            /** @description what it said */
            text: string;
            /** @description pending, sent, failed */
            status: string;
            /** @description ISO instant */
            createdAt: string;
            /** @description ISO instant */
            sentAt: string | null;
        };
        PersonFileDto: {
            candidateId: string;
            workflowId: string;
            roundId: string | null;
            roundYear: number | null;
            channel: string;
            area: string | null;
            nominatedAt: string | null;
            /** @description {sub, role, issuer} */
            submittedBy: {
                [key: string]: unknown;
            };
            /** @description {name, idNumber, mobile, homeAddress}, in clear; null once erased */
            personalData: {
                [key: string]: unknown;
            };
            erased: boolean;
            /** @description the application form */
            form: {
                [key: string]: unknown;
            } | null;
            /** @description every version of the form, its sensitive fields in clear: {version, createdAt, createdBy, note, form} */
            versions: {
                [key: string]: unknown;
            }[];
            /** @description {stage, status, updatedAt} */
            status: {
                [key: string]: unknown;
            } | null;
            /** @description the workflow's decisions; null when Temporal no longer keeps the history */
            decisions: components["schemas"]["HistoryEntryDto"][] | null;
            /** @description the workflow's timeline; null when Temporal no longer keeps the history */
            timeline: components["schemas"]["HistoryEntryDto"][] | null;
            /** @description {roundId, rank, outcome, reason, votes, combinedRank} */
            roundEntries: {
                [key: string]: unknown;
            }[];
            /** @description the documents (metadata) with uploadedBy */
            attachments: components["schemas"]["AttachmentDto"][];
            /** @description {bank, accountNumber (in full), accountName, recordedBy, recordedAt} */
            bankAccount: {
                [key: string]: unknown;
            } | null;
            paymentInstructions: components["schemas"]["InstructionDto"][];
            /** @description the messages sent, or to be sent, about the file */
            notifications: components["schemas"]["PersonNotificationDto"][];
            /** @description a named master's benefits: {kind, grantingBody, status, offeredOn, takenUpOn, declinedOn, grantedOn} */
            benefits: {
                [key: string]: unknown;
            }[];
            /** @description the public register's entry the office keeps: {limited, deeds, updatedAt} */
            registerEntry: {
                [key: string]: unknown;
            } | null;
            /** @description studios applied for in their name: {id, name, status, namedOn} */
            studios: {
                [key: string]: unknown;
            }[];
        };
        PersonExportResultDto: {
            /** @description ISO instant */
            exportedAt: string;
            /** @description {sub, role} */
            exportedBy: {
                [key: string]: unknown;
            };
            /** @description PIPL art. 45 */
            legalBasis: string;
            /** @description every file found by the ID number */
            files: components["schemas"]["PersonFileDto"][];
        };
        RegisterListDto: {
            /** @description masters listed */
            total: number;
            /** @description by year named, then by name in pinyin order */
            masters: components["schemas"]["RegisterPublicEntryDto"][];
        };
        RegisterEntryDto: {
            /** @description true: at the master's request, the public entry shows the name and the year named only */
            limited: boolean;
            /** @description The deeds the office publishes for the programme's columns (at most 2000 characters); null withdraws them; left out, they stay as they are */
            deeds?: Record<string, never> | null;
        };
        CreateCompetitionDto: {
            /** @example 2031年瓯海区职工技能竞赛（眼镜装配） */
            name: string;
            /**
             * @description The trade (工种) competed in
             * @example 眼镜装配
             */
            trade: string;
            /**
             * @description The day it was held (YYYY-MM-DD, Asia/Shanghai); the final day for one held over several
             * @example 2031-03-20
             */
            heldOn: string;
            /** @enum {string} */
            level: "district" | "city" | "provincial" | "national";
            /** @example 瓯海区总工会、区人社局 */
            organiser: string;
        };
        CompetitionResultDto: {
            /** @description competitionResultId, for a competition-channel nomination */
            id: string;
            name: string;
            employer: string;
            placing: number;
            award?: string | null;
        };
        CompetitionNomineeDto: {
            candidateId: string;
            name: string;
            resultId: string;
            roundId?: string | null;
            /** @description Where the file stands (the status projection); null just after filing */
            stage?: string | null;
            status?: string | null;
            /** @description Whether the candidate is a named master (by any path: a round, the per-file path, the paper records) */
            named: boolean;
            /** @description The day the candidate was named a master (YYYY-MM-DD); null until then, or when no date was recorded */
            commendedOn?: string | null;
        };
        CompetitionDto: {
            id: string;
            name: string;
            trade: string;
            /** @example 2031-03-20 */
            heldOn: string;
            /** @enum {string} */
            level: "district" | "city" | "provincial" | "national";
            organiser: string;
            recordedAt: string;
            /** @description By placing */
            results: components["schemas"]["CompetitionResultDto"][];
            /** @description union_office, auditor, admin only: every file nominated on one of these results */
            nominated?: components["schemas"]["CompetitionNomineeDto"][];
            /** @description union_office, auditor, admin only: those of them named masters */
            named?: components["schemas"]["CompetitionNomineeDto"][];
        };
        CompetitionSummaryDto: {
            id: string;
            name: string;
            trade: string;
            /** @example 2031-03-20 */
            heldOn: string;
            /** @enum {string} */
            level: "district" | "city" | "provincial" | "national";
            organiser: string;
            /** @description Placings recorded */
            results: number;
        };
        CompetitionResultInputDto: {
            /**
             * @description As on the results list; a nomination linking this result must carry the same name
             * @example 王建国
             */
            name: string;
            /**
             * @description The employer the competitor entered for
             * @example 温州瓯海眼镜有限公司
             */
            employer: string;
            /**
             * @description Placing, 1 for first
             * @example 1
             */
            placing: number;
            /**
             * @description The award as the organiser named it
             * @example 一等奖
             */
            award?: string;
        };
        RecordResultsDto: {
            /** @description Placings to add to the competition (those recorded before stay) */
            results: components["schemas"]["CompetitionResultInputDto"][];
        };
        CreateBaseDto: {
            /** @enum {string} */
            kind: "vocational_school" | "training_organisation" | "company_centre";
            /** @example 温州市瓯海职业中专集团学校 */
            name: string;
            /**
             * @description The institution's address (not a person's)
             * @example 瓯海区娄桥街道古岸头路1号
             */
            address: string;
        };
        CourseSummaryDto: {
            id: string;
            baseId: string;
            title: string;
            trade: string;
            /** @enum {string} */
            targetLevel: "junior_worker" | "intermediate_worker" | "senior_worker" | "technician" | "senior_technician";
            /** @example 2031-05-06 */
            startsOn: string;
            /** @example 2031-06-30 */
            endsOn: string;
            place: string;
            participants: number;
            /** @description Participants who obtained a certificate */
            certified: number;
        };
        BaseDto: {
            id: string;
            /** @enum {string} */
            kind: "vocational_school" | "training_organisation" | "company_centre";
            name: string;
            address: string;
            /** @description Earliest first */
            courses: components["schemas"]["CourseSummaryDto"][];
        };
        BaseSummaryDto: {
            id: string;
            /** @enum {string} */
            kind: "vocational_school" | "training_organisation" | "company_centre";
            name: string;
            address: string;
            courses: number;
            participants: number;
        };
        CreateCourseDto: {
            /** @example 眼镜装配技师培训班 */
            title: string;
            /** @example 眼镜装配 */
            trade: string;
            /**
             * @description The skill level the course prepares for
             * @enum {string}
             */
            targetLevel: "junior_worker" | "intermediate_worker" | "senior_worker" | "technician" | "senior_technician";
            /** @example 2031-05-06 */
            startsOn: string;
            /** @example 2031-06-30 */
            endsOn: string;
            /**
             * @description Where it is held
             * @example 实训楼3楼
             */
            place: string;
        };
        ParticipantDto: {
            id: string;
            name: string;
            employer: string;
            /**
             * @description null until recorded
             * @enum {string|null}
             */
            outcome?: "certified" | "not_certified" | "withdrew" | null;
            /** @enum {string|null} */
            certificate?: "junior_worker" | "intermediate_worker" | "senior_worker" | "technician" | "senior_technician" | null;
            /** @example 2031-07-15 */
            certifiedOn?: string | null;
        };
        CourseDto: {
            id: string;
            baseId: string;
            title: string;
            trade: string;
            /** @enum {string} */
            targetLevel: "junior_worker" | "intermediate_worker" | "senior_worker" | "technician" | "senior_technician";
            startsOn: string;
            endsOn: string;
            place: string;
            participants: components["schemas"]["ParticipantDto"][];
        };
        ParticipantInputDto: {
            /** @example 李明 */
            name: string;
            /** @example 温州瓯海眼镜有限公司 */
            employer: string;
        };
        AddParticipantsDto: {
            participants: components["schemas"]["ParticipantInputDto"][];
        };
        ParticipantOutcomeDto: {
            /** @enum {string} */
            outcome: "certified" | "not_certified" | "withdrew";
            /**
             * @description The certificate obtained: with outcome certified only, and then required
             * @enum {string}
             */
            certificate?: "junior_worker" | "intermediate_worker" | "senior_worker" | "technician" | "senior_technician";
            /**
             * @description The day the certificate was issued: with outcome certified only, and then required; not before the course starts, not after today
             * @example 2031-07-15
             */
            certifiedOn?: string;
        };
        TrainingReportDto: {
            year: number;
            /** @description Courses starting in the year */
            courses: number;
            /** @description Places on those courses */
            participants: number;
            /**
             * @description Certificates issued in the year, per level
             * @example {
             *       "senior_worker": 12,
             *       "technician": 3
             *     }
             */
            certificates: Record<string, never>;
            /**
             * @description Courses starting in the year, per kind of base
             * @example {
             *       "vocational_school": 2
             *     }
             */
            coursesByBaseKind: Record<string, never>;
        };
        FundYearDto: {
            year: number;
            /** @description Set aside for the year, in fen; 0 when none was recorded */
            setAsideFen: number;
            /** @description Whether a set-aside was recorded for the year */
            setAsideRecorded: boolean;
            /** @description Spent in the year (spentOn, Asia/Shanghai), in fen */
            spentFen: number;
            /** @description setAsideFen − spentFen; negative when overspent */
            remainingFen: number;
            /** @description The year before’s set-aside; null for the first year recorded */
            previousSetAsideFen?: number | null;
            /** @description The notice’s rule (逐年增长): the set-aside is above the year before’s. false flags the year; null for the first year recorded */
            growsOnPreviousYear?: boolean | null;
        };
        TrainingFundDto: {
            /** @description Every year from the first to the last with a set-aside or spending, oldest first */
            years: components["schemas"]["FundYearDto"][];
            /** @description Years whose set-aside is not above the year before’s */
            flaggedYears: number[];
        };
        SetAsideDto: {
            /**
             * @description The year the share is set aside for; recording it again replaces the figure (the audit log keeps the earlier one)
             * @example 2031
             */
            year: number;
            /**
             * @description Union funds set aside for workers’ education and training that year, in fen
             * @example 50000000
             */
            setAsideFen: number;
            /**
             * @description How the share was set, e.g. the union budget line
             * @example 2031年工会经费预算 职工教育培训
             */
            basis?: string;
        };
        SpendingDto: {
            /**
             * @description The day it was spent (Asia/Shanghai); its year is the fund year charged; not after today
             * @example 2031-06-30
             */
            spentOn: string;
            /**
             * @description In fen
             * @example 1200000
             */
            amountFen: number;
            /** @example 眼镜装配技师培训班 师资及教材 */
            purpose: string;
            /** @description The course it paid for, if one */
            courseId?: string;
        };
        BenefitEventDto: {
            /** @enum {string} */
            status: "offered" | "taken_up" | "declined" | "granted";
            /** @example 2031-05-20 */
            on: string;
            note?: string | null;
            /** @description Who recorded it (the token's subject; 'system' for the offer) */
            by: string;
            role?: string | null;
            at: string;
        };
        BenefitDto: {
            id: string;
            candidateId: string;
            /** @description The master's name */
            name: string;
            /** @enum {string} */
            kind: "recuperation_trip" | "model_worker_recommendation" | "qualification_recommendation" | "talent_award_recommendation" | "school_place_priority";
            /** @example 疗休养（一次） */
            label: string;
            /** @example 区总工会 */
            grantingBody: string;
            /** @enum {string} */
            status: "offered" | "taken_up" | "declined" | "granted";
            /** @description The day the master was named */
            offeredOn: string;
            takenUpOn?: string | null;
            declinedOn?: string | null;
            grantedOn?: string | null;
            /** @description Every step, oldest first */
            events: components["schemas"]["BenefitEventDto"][];
        };
        BenefitKindReportDto: {
            /** @enum {string} */
            kind: "recuperation_trip" | "model_worker_recommendation" | "qualification_recommendation" | "talent_award_recommendation" | "school_place_priority";
            label: string;
            grantingBody: string;
            /**
             * @description Of the year's masters, where this benefit stands now
             * @example {
             *       "offered": 3,
             *       "taken_up": 1,
             *       "declined": 1,
             *       "granted": 5
             *     }
             */
            byStatus: Record<string, never>;
            /**
             * @description Steps dated in the year, whichever year the master was named
             * @example {
             *       "taken_up": 2,
             *       "declined": 0,
             *       "granted": 4
             *     }
             */
            stepsInYear: Record<string, never>;
        };
        BenefitReportDto: {
            year: number;
            /** @description Masters named in the year */
            mastersNamed: number;
            kinds: components["schemas"]["BenefitKindReportDto"][];
        };
        BenefitStepDto: {
            /**
             * @description offered → taken_up | declined; taken_up → granted. Any other step is a 409 naming the status
             * @enum {string}
             */
            status: "taken_up" | "declined" | "granted";
            /**
             * @description When it happened (YYYY-MM-DD, Asia/Shanghai); today by default; not after today nor before the step before
             * @example 2031-05-20
             */
            on?: string;
            /** @description Required when declined (why); otherwise e.g. the trip, the school, the reference of the recommendation */
            note?: string;
        };
        MasterBenefitsDto: {
            candidateId: string;
            /** @description Whether the candidate is a named master; only masters have benefits */
            named: boolean;
            benefits: components["schemas"]["BenefitDto"][];
        };
        NotificationDto: {
            id: string;
            /**
             * @description returned: a file the caller nominated came back; outcome: the round decided it; reminder, escalation: a stage due soon or overdue; assignment: a panel seat or an inspection batch
             * @enum {string}
             */
            kind: "returned" | "outcome" | "reminder" | "escalation" | "assignment";
            /** @description the message, in Chinese */
            text: string;
            candidateId: string | null;
            roundId: string | null;
            /** @description ISO instant */
            createdAt: string;
            /** @description read by the caller */
            read: boolean;
        };
        NotificationListDto: {
            /** @description newest first */
            items: components["schemas"]["NotificationDto"][];
            /** @description all of the caller’s notifications */
            total: number;
            /** @description of them not yet read */
            unread: number;
        };
        NotificationCountsDto: {
            total: number;
            unread: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the database and Temporal are up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description the database or Temporal is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
    NominationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateNominationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NominationCreatedDto"];
                };
            };
        };
    };
    CandidateListController_list: {
        parameters: {
            query?: {
                roundId?: string;
                stage?: "endorsement" | "qualification" | "inspection" | "expert_review" | "voting" | "leadership" | "public_notice" | "government_approval" | "commendation" | "payments" | "closed";
                status?: "awaiting_decision" | "returned" | "in_public_notice" | "paying" | "rejected" | "completed" | "subsidy_stopped" | "awaiting_panel" | "scoring" | "withdrawn" | "disqualified" | "awaiting_round" | "not_shortlisted" | "left_out" | "not_approved";
                channel?: "organisational" | "association" | "self" | "competition" | "imported";
                industry?: "footwear_leather" | "apparel" | "eyewear" | "locks" | "electrical_machinery" | "auto_moto_parts" | "other";
                area?: "jingshan" | "xinqiao" | "louqiao" | "panqiao" | "nanbaixiang" | "wutian" | "chashan" | "sanyang" | "liao" | "xianyan" | "quxi" | "guoxi" | "zeya" | "development_zone";
                /** @description Part of the name, any case */
                q?: string;
                /** @description Past the due date of its stage and still open */
                overdue?: "true" | "false";
                /** @description dueAt: files without a due date last */
                sort?: "nominatedAt" | "dueAt";
                order?: "asc" | "desc";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidatePageDto"];
                };
            };
        };
    };
    CandidateListController_csv: {
        parameters: {
            query?: {
                roundId?: string;
                stage?: "endorsement" | "qualification" | "inspection" | "expert_review" | "voting" | "leadership" | "public_notice" | "government_approval" | "commendation" | "payments" | "closed";
                status?: "awaiting_decision" | "returned" | "in_public_notice" | "paying" | "rejected" | "completed" | "subsidy_stopped" | "awaiting_panel" | "scoring" | "withdrawn" | "disqualified" | "awaiting_round" | "not_shortlisted" | "left_out" | "not_approved";
                channel?: "organisational" | "association" | "self" | "competition" | "imported";
                industry?: "footwear_leather" | "apparel" | "eyewear" | "locks" | "electrical_machinery" | "auto_moto_parts" | "other";
                area?: "jingshan" | "xinqiao" | "louqiao" | "panqiao" | "nanbaixiang" | "wutian" | "chashan" | "sanyang" | "liao" | "xianyan" | "quxi" | "guoxi" | "zeya" | "development_zone";
                /** @description Part of the name, any case */
                q?: string;
                /** @description Past the due date of its stage and still open */
                overdue?: "true" | "false";
                /** @description dueAt: files without a due date last */
                sort?: "nominatedAt" | "dueAt";
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the list as CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
        };
    };
    CandidateListController_xlsx: {
        parameters: {
            query?: {
                roundId?: string;
                stage?: "endorsement" | "qualification" | "inspection" | "expert_review" | "voting" | "leadership" | "public_notice" | "government_approval" | "commendation" | "payments" | "closed";
                status?: "awaiting_decision" | "returned" | "in_public_notice" | "paying" | "rejected" | "completed" | "subsidy_stopped" | "awaiting_panel" | "scoring" | "withdrawn" | "disqualified" | "awaiting_round" | "not_shortlisted" | "left_out" | "not_approved";
                channel?: "organisational" | "association" | "self" | "competition" | "imported";
                industry?: "footwear_leather" | "apparel" | "eyewear" | "locks" | "electrical_machinery" | "auto_moto_parts" | "other";
                area?: "jingshan" | "xinqiao" | "louqiao" | "panqiao" | "nanbaixiang" | "wutian" | "chashan" | "sanyang" | "liao" | "xianyan" | "quxi" | "guoxi" | "zeya" | "development_zone";
                /** @description Part of the name, any case */
                q?: string;
                /** @description Past the due date of its stage and still open */
                overdue?: "true" | "false";
                /** @description dueAt: files without a due date last */
                sort?: "nominatedAt" | "dueAt";
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the list as an Excel workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    CandidatesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateViewDto"];
                };
            };
        };
    };
    CandidatesController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateViewDto"];
                };
            };
        };
    };
    CandidatesController_resubmit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResubmissionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateViewDto"];
                };
            };
        };
    };
    CandidatesController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormVersionDto"][];
                };
            };
        };
    };
    CandidatesController_departure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartureDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateViewDto"];
                };
            };
        };
    };
    CandidatesController_correctDeparture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartureCorrectionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateViewDto"];
                };
            };
        };
    };
    CandidatesController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryEntryDto"][];
                };
            };
        };
    };
    CandidatesController_refused: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusedDecisionDto"][];
                };
            };
        };
    };
    ReviewActionsController_panel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PanelDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateViewDto"];
                };
            };
        };
    };
    ReviewActionsController_recusals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecusalDto"][];
                };
            };
        };
    };
    ReviewActionsController_conflict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateViewDto"];
                };
            };
        };
    };
    ReviewActionsController_scores: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScoresDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateViewDto"];
                };
            };
        };
    };
    ReviewActionsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateViewDto"];
                };
            };
        };
    };
    ReviewActionsController_disqualify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateViewDto"];
                };
            };
        };
    };
    TasksController_inbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxItemDto"][];
                };
            };
        };
    };
    BankAccountController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BankAccountDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankAccountRecordedDto"];
                };
            };
        };
    };
    DevTokenController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DevTokenRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevTokenDto"];
                };
            };
        };
    };
    ConsoleSignInController_describe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSignInDto"];
                };
            };
        };
    };
    ConsoleSignInController_exchange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsoleTokenRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleTokenDto"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: {
                /** @description headId of an earlier digest */
                headId?: string;
                /** @description headHash of an earlier digest */
                headHash?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerifyResultDto"];
                };
            };
        };
    };
    AuditController_digest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditDigestDto"];
                };
            };
        };
    };
    AuditController_export: {
        parameters: {
            query?: {
                candidateId?: string;
                roundId?: string;
                format?: "csv" | "json";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON rows, or (format=csv) CSV with the hashes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditRowDto"][];
                    "text/csv": string;
                };
            };
        };
    };
    RoundsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"][];
                };
            };
        };
    };
    RoundsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoundDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundCreatedDto"];
                };
            };
        };
    };
    RoundsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"];
                };
            };
        };
    };
    RoundsController_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundReportDto"];
                };
            };
        };
    };
    RoundsController_funnel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundFunnelDto"];
                };
            };
        };
    };
    RoundsController_ranking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RankingDto"];
                };
            };
        };
    };
    RoundActionsController_phase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PhaseChangeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"];
                };
            };
        };
    };
    RoundActionsController_reReviewList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReReviewListDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"];
                };
            };
        };
    };
    RoundActionsController_voting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenVotingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"];
                };
            };
        };
    };
    RoundActionsController_formalList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FormalListDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"];
                };
            };
        };
    };
    RoundActionsController_publicNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartNoticeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"];
                };
            };
        };
    };
    RoundActionsController_approval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApprovalDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"];
                };
            };
        };
    };
    RoundActionsController_ceremony: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CeremonyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundDto"];
                };
            };
        };
    };
    ObjectionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionViewDto"][];
                };
            };
        };
    };
    ObjectionsController_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolutionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionViewDto"];
                };
            };
        };
    };
    PublicNoticeController_notice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicNoticeDto"];
                };
            };
        };
    };
    PublicNoticeController_object: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionFiledDto"];
                };
            };
        };
    };
    ProgrammeController_programme: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeDto"];
                };
            };
        };
    };
    CandidateRoundController_round: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateStandingDto"];
                };
            };
        };
    };
    CandidateRoundController_objectionsOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionViewDto"][];
                };
            };
        };
    };
    StudioBatchesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioBatchSummaryDto"][];
                };
            };
        };
    };
    StudioBatchesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStudioBatchDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        batchId?: string;
                    };
                };
            };
        };
    };
    StudioBatchesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioBatchDto"];
                };
            };
        };
    };
    StudioBatchesController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StudioBatchApprovalDto"];
            };
        };
        responses: {
            /** @description the batch as it stands after the decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioBatchDto"];
                };
            };
        };
    };
    StudiosController_list: {
        parameters: {
            query?: {
                batchId?: string;
                masterId?: string;
                status?: "applied" | "returned" | "screened" | "named" | "rejected" | "not_approved" | "withdrawn";
                /** @description Part of the studio's or its master's name, any case */
                name?: string;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioPageDto"];
                };
            };
        };
    };
    StudiosController_apply: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStudioDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        studioId?: string;
                    };
                };
            };
        };
    };
    StudiosController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioViewDto"];
                };
            };
        };
    };
    StudiosController_recordBankAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BankAccountDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioViewDto"];
                };
            };
        };
    };
    StudiosController_screen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScreeningDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioViewDto"];
                };
            };
        };
    };
    StudiosController_resubmit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StudioResubmissionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioViewDto"];
                };
            };
        };
    };
    StudiosController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StudioReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudioViewDto"];
                };
            };
        };
    };
    StudiosController_addApprentice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddApprenticeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprenticeDto"];
                };
            };
        };
    };
    StudiosController_updateApprentice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                apprenticeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateApprenticeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprenticeDto"];
                };
            };
        };
    };
    AttachmentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentDto"][];
                };
            };
        };
    };
    AttachmentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @enum {string} */
                    kind: "id_proof" | "years_proof" | "skill_certificate" | "honour" | "achievement_proof" | "other" | "consent";
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentDto"];
                };
            };
        };
    };
    AttachmentsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the document, byte for byte */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
        };
    };
    InspectionBatchesController_list: {
        parameters: {
            query?: {
                roundId?: string;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchPageDto"];
                };
            };
        };
    };
    InspectionBatchesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBatchDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchCreatedDto"];
                };
            };
        };
    };
    InspectionBatchesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDto"];
                };
            };
        };
    };
    PublicVotingController_round: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicRoundDto"];
                };
            };
        };
    };
    PublicVotingController_cast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CastVoteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoteCastDto"];
                };
            };
        };
    };
    VoterVerificationController_verification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoterVerificationDto"];
                };
            };
        };
    };
    VoteTallyController_tally: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoteTallyDto"];
                };
            };
        };
    };
    InstructionsController_list: {
        parameters: {
            query?: {
                /** @description `open`: not paid yet and still to pay (due, approved or failed) */
                status?: "due" | "approved" | "paid" | "failed" | "reissued" | "cancelled" | "open";
                kind?: "bonus" | "subsidy" | "studio_grant";
                /** @description Instructions falling due in this month (Asia/Shanghai calendar) */
                dueMonth?: string;
                candidateId?: string;
                roundId?: string;
                /** @description A studio's grant */
                studioId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstructionPageDto"];
                };
            };
        };
    };
    InstructionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstructionDetailDto"];
                };
            };
        };
    };
    InstructionsController_approveMany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchApprovalDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstructionBatchDto"];
                };
            };
        };
    };
    InstructionsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstructionDto"];
                };
            };
        };
    };
    InstructionsController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstructionDto"];
                };
            };
        };
    };
    InstructionsController_fail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstructionDto"];
                };
            };
        };
    };
    InstructionsController_reissue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description the new attempt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstructionDto"];
                };
            };
        };
    };
    FinanceReportsController_csv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the month's bank run as CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
        };
    };
    FinanceReportsController_xlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the month's bank run as an Excel workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    FinanceReportsController_reconciliation: {
        parameters: {
            query?: {
                /** @description Instructions falling due in this month; every month when omitted */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationDto"];
                };
            };
        };
    };
    FinanceReportsController_forecast: {
        parameters: {
            query: {
                /** @description The first month of the forecast (Asia/Shanghai calendar) */
                from: string;
                /** @description How many months from `from` */
                months?: number;
                /** @description Only the masters of this round: its cohort's budget */
                roundId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastDto"];
                };
            };
        };
    };
    MastersController_list: {
        parameters: {
            query?: {
                /** @description Masters named in this year */
                year?: number;
                /** @description Part of the name, any case */
                name?: string;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MasterPageDto"];
                };
            };
        };
    };
    MastersController_years: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MasterYearsDto"];
                };
            };
        };
    };
    MastersController_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MasterImportDto"];
                "multipart/form-data": components["schemas"]["MasterImportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MasterImportResultDto"];
                };
            };
        };
    };
    MastersController_template: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the blank workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    CodecController_decode: {
        parameters: {
            query?: never;
            header: {
                "x-namespace": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodecRequestDto"];
            };
        };
        responses: {
            /** @description the payloads in clear */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodecRequestDto"];
                };
            };
        };
    };
    CodecController_encode: {
        parameters: {
            query?: never;
            header: {
                "x-namespace": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodecRequestDto"];
            };
        };
        responses: {
            /** @description the payloads encrypted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodecRequestDto"];
                };
            };
        };
    };
    PersonsController_export: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonExportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonExportResultDto"];
                };
            };
        };
    };
    CandidateDocumentsController_applicationForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the filled application form, as PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
        };
    };
    CandidateDocumentsController_certificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the certificate, as PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
        };
    };
    RoundDocumentsController_publicNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the public notice, as PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
        };
    };
    RoundDocumentsController_commendation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the commendation decision, as PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
        };
    };
    PublicRegisterController_list: {
        parameters: {
            query?: {
                /** @description csv: the register as a CSV file (UTF-8 with BOM, Chinese headers) */
                format?: "json" | "csv";
                /** @description Only the masters named in that year */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the register as JSON, or (format=csv) as a CSV file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterListDto"];
                    "text/csv": string;
                };
            };
        };
    };
    MasterRegisterController_setEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterEntryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterOfficeEntryDto"];
                };
            };
        };
    };
    CompetitionsController_list: {
        parameters: {
            query?: {
                /** @description Held in this year (Asia/Shanghai) */
                year?: number;
                level?: "district" | "city" | "provincial" | "national";
                /** @description The trade, exactly */
                trade?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompetitionSummaryDto"][];
                };
            };
        };
    };
    CompetitionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCompetitionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompetitionDto"];
                };
            };
        };
    };
    CompetitionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompetitionDto"];
                };
            };
        };
    };
    CompetitionsController_recordResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordResultsDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompetitionDto"];
                };
            };
        };
    };
    TrainingController_listBases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BaseSummaryDto"][];
                };
            };
        };
    };
    TrainingController_createBase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BaseDto"];
                };
            };
        };
    };
    TrainingController_base: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BaseDto"];
                };
            };
        };
    };
    TrainingController_addCourse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCourseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourseDto"];
                };
            };
        };
    };
    TrainingController_course: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourseDto"];
                };
            };
        };
    };
    TrainingController_addParticipants: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddParticipantsDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourseDto"];
                };
            };
        };
    };
    TrainingController_recordOutcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                participantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParticipantOutcomeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourseDto"];
                };
            };
        };
    };
    TrainingController_report: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingReportDto"];
                };
            };
        };
    };
    TrainingController_fund: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingFundDto"];
                };
            };
        };
    };
    TrainingController_setAside: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetAsideDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundYearDto"];
                };
            };
        };
    };
    TrainingController_spend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpendingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundYearDto"];
                };
            };
        };
    };
    BenefitsController_list: {
        parameters: {
            query?: {
                status?: "offered" | "taken_up" | "declined" | "granted";
                kind?: "recuperation_trip" | "model_worker_recommendation" | "qualification_recommendation" | "talent_award_recommendation" | "school_place_priority";
                /** @description Masters named in this year (Asia/Shanghai) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BenefitDto"][];
                };
            };
        };
    };
    BenefitsController_report: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BenefitReportDto"];
                };
            };
        };
    };
    BenefitsController_step: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BenefitStepDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BenefitDto"];
                };
            };
        };
    };
    MasterBenefitsController_ofMaster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MasterBenefitsDto"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description How many, newest first (default 50, at most 200) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationListDto"];
                };
            };
        };
    };
    NotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationCountsDto"];
                };
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
        };
    };
}
