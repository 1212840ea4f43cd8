//! Outputs that only look like errors: a log is judged by its final outcome, and a text
//! that says a run passed (a zero counter, a healthy status field, a 2xx the client logged,
//! an exit status of 0) exits 0, while the same shapes with a failure left at the end stay
//! errors.

use crate::util::{json, stdin};

/// (input, exit code) through the binary.
fn exits(table: &[(&str, i32)]) {
    for (input, want) in table {
        let r = stdin(&[], *input);
        assert_eq!(r.code, *want, "{input}\n{}{}", r.stdout, r.stderr);
    }
}

#[test]
fn a_retried_operation_is_judged_by_its_last_attempt() {
    exits(&[
        // A level of failure on the line that says the retry worked is how it was logged.
        (
            "2026/03/01 04:00:01 ERROR : data.bin: Failed to copy: read: connection reset by peer\n\
             2026/03/01 04:00:02 ERROR : Attempt 1/3 failed with 1 errors and: read: connection reset by peer\n\
             2026/03/01 04:00:09 ERROR : Attempt 2/3 succeeded\n",
            0,
        ),
        // A daemon's journal shown after the command's own output: a record at a quiet
        // level that says it tries again is an attempt, wherever it stands; at a level of
        // failure it is an error the log goes on to.
        (
            "$ docker pull pg:16\na23: Retrying in 1 second\na23: Pull complete\n\
             Status: Downloaded newer image for pg:16\n\
             $ journalctl -u docker | grep -i retrying\n\
             Apr 07 08:31:22 host dockerd[1021]: time=\"2026-04-07T08:31:22Z\" level=info msg=\"Download failed, retrying (1/5): read tcp 10.0.0.1:41876->10.0.0.2:443: read: connection reset by peer\"\n",
            0,
        ),
        (
            "$ docker pull pg:16\na23: Pull complete\n\
             Status: Downloaded newer image for pg:16\n\
             Apr 07 08:31:22 host dockerd[1021]: time=\"2026-04-07T08:31:22Z\" level=error msg=\"Download failed: read tcp 10.0.0.1:41876->10.0.0.2:443: read: connection reset by peer\"\n",
            3,
        ),
        // A warning after the success is no failure (pip's about running as root); a
        // line that says only that it was done says it worked after a retry, but not as a
        // shell loop's keyword on a command's line.
        (
            "WARNING: Retrying (Retry(total=4)) after connection broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='pypi.org', port=443): Read timed out.\")': /simple/x/\n\
             Successfully installed x-1.0\n\
             WARNING: Running pip as the 'root' user can result in broken permissions.\n",
            0,
        ),
        (
            "[DEBUG] HTTP Response: POST 429\n[DEBUG] Retrying due to status code 429\n\
             [INFO] Retrying request in 0.44 seconds\n[DEBUG] HTTP Response: POST 200\n\
             classify: batch 7/12 done, 250 tickets labelled in 3.9s (1 retry)\n",
            0,
        ),
        (
            "$ for i in 1 2 3; do curl -s -o /dev/null -w '%{http_code}\\n' http://10.0.5.20:8080/health; sleep 2; done\n000\n000\n",
            3,
        ),
        // The last attempt failed.
        (
            "2026/03/01 04:00:02 ERROR : Attempt 1/3 failed with 1 errors and: read: connection reset by peer\n\
             2026/03/01 04:00:09 ERROR : Attempt 2/3 failed with 1 errors and: read: connection reset by peer\n",
            3,
        ),
        // A check mark after a failed attempt.
        (
            "[retry] attempt 1/2: SocketException: Connection refused\n\
             [retry] waiting 2s before attempt 2/2\n\
             [retry] ✓ 201 in 88ms (attempt 2/2)\n",
            0,
        ),
        // Statuses of a field in a log, retried, and then a 200 asked for at a prompt.
        (
            "> r = client.get(\"/v2/orders\")\n\
             [warn] retry: got response with status 502, will retry in 500ms, 2 attempts left\n\
             > r.status\n\
             200\n",
            0,
        ),
        (
            "> r = client.get(\"/v2/orders\")\n\
             [warn] retry: got response with status 502, will retry in 500ms, 2 attempts left\n\
             > r.status\n\
             502\n",
            2,
        ),
        // The attempt that worked names its status in prose (a 200 is no error).
        (
            "LogHttp: Warning: request failed, libcurl error: 28 (Timeout was reached)\n\
             LogGame: Warning: Login request failed (attempt 1/3), retrying in 2.0s\n\
             LogGame: Display: Login request succeeded (attempt 2/3): HTTP 200 in 412 ms\n",
            0,
        ),
        (
            "LogGame: Warning: Login request failed (attempt 1/3), retrying in 2.0s\n\
             LogGame: Display: Login request failed (attempt 2/3): HTTP 503 in 412 ms\n",
            2,
        ),
        // A status of success the log names last, after a word of trying again: the attempt
        // that worked. A status of failure there, or an error after the last retry (a 2xx
        // that is another request's), is no recovery.
        (
            "[Catalog] GET https://c.example/v4/menu\n\
             Task <A9>.<3> finished with error [-1005] Error Domain=NSURLErrorDomain Code=-1005 \"The network connection was lost.\"\n\
             [Catalog] transient error -1005, retry 1 of 2 in 0.5s\n\
             [Catalog] HTTP 200 in 181 ms, 48211 bytes\n",
            0,
        ),
        (
            "[Catalog] GET https://c.example/v4/menu\n\
             Task <A9>.<3> finished with error [-1005] Error Domain=NSURLErrorDomain Code=-1005 \"The network connection was lost.\"\n\
             [Catalog] transient error -1005, retry 1 of 2 in 0.5s\n\
             [Catalog] HTTP 503 in 181 ms, 48211 bytes\n",
            2,
        ),
        (
            "[WARNING] discord.http: We are being rate limited. PUT /commands responded with 429. Retrying in 0.84 seconds.\n\
             [ERROR] bot: command failed: discord.errors.Forbidden: 403 Forbidden (error code: 50013): Missing Permissions\n\
             [INFO] bot: /ping -> HTTP 200 OK (58ms)\n",
            1,
        ),
        // A retried operation that failed ended with its last attempt's error: curl could
        // not connect at first, then the server answered 503 until the retries ran out.
        // Without words of trying again, two requests: the first error decides.
        (
            "[wait] attempt 1/3: GET http://localhost:8080/healthz\n\
             curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n\
             [wait] attempt 2/3: GET http://localhost:8080/healthz\n\
             curl: (22) The requested URL returned error: 503\n\
             [wait] giving up after 3 attempts\n",
            2,
        ),
        (
            "$ curl -sf http://localhost:8080/healthz\n\
             curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n\
             $ curl -sf http://localhost:8081/healthz\n\
             curl: (22) The requested URL returned error: 503\n",
            3,
        ),
        // A client's repr of the response that came back after the retries.
        (
            "WARNING:urllib3.connectionpool:Retrying (Retry(total=4)) after connection broken by 'RemoteDisconnected('Remote end closed connection without response')': /v1/x\n\
             >>> r\n\
             <Response [200]>\n",
            0,
        ),
        (
            "WARNING:urllib3.connectionpool:Retrying (Retry(total=4)) after connection broken by 'RemoteDisconnected('Remote end closed connection without response')': /v1/x\n\
             >>> r\n\
             <Response [503 Service Unavailable]>\n",
            2,
        ),
        // A task that succeeded with its result's counter of errors at zero.
        (
            "[INFO/ForkPoolWorker-3] Task push[6b1f] retry: Retry in 30s: ConnectionError(\"Failed to establish a new connection: [Errno 111] Connection refused\")\n\
             [INFO/ForkPoolWorker-1] Task push[6b1f] succeeded in 1.26s: {'pushed': 412, 'errors': 0}\n",
            0,
        ),
        (
            "[INFO/ForkPoolWorker-3] Task push[6b1f] retry: Retry in 30s: ConnectionError(\"Failed to establish a new connection: [Errno 111] Connection refused\")\n\
             [INFO/ForkPoolWorker-1] Task push[6b1f] succeeded in 1.26s: {'pushed': 0, 'errors': 412}\n",
            3,
        ),
        // A gateway closed, the client tried again and reconnected.
        (
            "WARN d.gateway.DefaultGatewayClient : discord4j.common.close.CloseException: WebSocket closed: 4000 Unknown error.\n\
             INFO c.e.bot.GatewayStateListener : gateway state changed: RETRY_STARTED (backoff PT2.09S)\n\
             INFO d.gateway.DefaultGatewayClient : Reconnected to Gateway\n",
            0,
        ),
        (
            "WARN d.gateway.DefaultGatewayClient : discord4j.common.close.CloseException: WebSocket closed: 4000 Unknown error.\n\
             INFO c.e.bot.GatewayStateListener : gateway state changed: RETRY_STARTED (backoff PT2.09S)\n",
            2,
        ),
        // A server a proxy's checks took out and put back, then requests it answered; its
        // check's `code: 200` is no error.
        (
            "Oct 02 18:43:51 lb-1 haproxy[1184]: [WARNING]  (1184) : Server be_api/api2 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms.\n\
             Oct 02 18:44:33 lb-1 haproxy[1184]: [WARNING]  (1184) : Server be_api/api2 is UP, reason: Layer7 check passed, code: 200, check duration: 3ms.\n",
            0,
        ),
        (
            "Oct 02 18:43:51 lb-1 haproxy[1184]: [WARNING]  (1184) : Server be_api/api2 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms.\n",
            3,
        ),
        // A log's field of the status of the attempt that worked.
        (
            "WARN RESTY Get \"https://geo.example/v1/ip/1\": dial tcp 10.8.0.14:443: connect: connection refused, Attempt 1\n\
             level=INFO msg=\"geo lookup done\" status=200 attempts=2\n",
            0,
        ),
        (
            "WARN RESTY Get \"https://geo.example/v1/ip/1\": dial tcp 10.8.0.14:443: connect: connection refused, Attempt 1\n\
             level=INFO msg=\"geo lookup done\" status=503 attempts=2\n",
            2,
        ),
    ]);
}

#[test]
fn a_clients_log_of_a_response_is_judged_by_its_status() {
    exits(&[
        (
            "[10:00:01 INF] Sending HTTP request GET https://inventory.example.net/v1/stock\n\
             [10:00:01 INF] Received HTTP response headers after 9.1ms - 503\n\
             [10:00:01 WRN] Resilience event occurred. EventName: 'OnRetry', Result: '503'\n\
             [10:00:03 INF] Received HTTP response headers after 30.2ms - 200\n\
             [10:00:03 INF] End processing HTTP request after 2040.7ms - 200\n",
            0,
        ),
        // A 200, then a later 503: the log ends in failure.
        (
            "[10:00:01 INF] Received HTTP response headers after 9.1ms - 200\n\
             [10:00:04 INF] Received HTTP response headers after 12.4ms - 503\n",
            2,
        ),
        // A level of failure the application chose for every line of a 200.
        (
            "fail: System.Net.Http.HttpClient.Inventory.ClientHandler[101]\n      \
             Received HTTP response headers after 61.0ms - 200\n",
            0,
        ),
    ]);
}

#[test]
fn healthy_status_fields_and_zero_exit_statuses_say_success() {
    exits(&[
        (
            "{\n  \"components\": [\n    {\"name\": \"Push Errors\", \"status\": \"operational\"},\n    \
             {\"name\": \"Dashboard\", \"status\": \"operational\"}\n  ],\n  \
             \"status\": {\"indicator\": \"none\", \"description\": \"All Systems Operational\"}\n}\n",
            0,
        ),
        (
            "{\n  \"components\": [\n    {\"name\": \"API\", \"status\": \"operational\"},\n    \
             {\"name\": \"Dashboard\", \"status\": \"major_outage\"}\n  ]\n}\n",
            1,
        ),
        (
            "WARNING: Ping to 192.0.2.10 failed with status: TimedOut\n\n\
             ComputerName     : app01\nPingSucceeded    : False\nTcpTestSucceeded : True\n",
            0,
        ),
        (
            "$ aws s3 cp ./error-report.csv s3://reports/error-report.csv\n\
             upload: ./error-report.csv to s3://reports/error-report.csv\n$ echo $?\n0\n",
            0,
        ),
        (
            "$ aws s3 cp ./error-report.csv s3://reports/error-report.csv\n$ echo $?\n1\n",
            1,
        ),
    ]);
}

#[test]
fn a_run_summary_with_nothing_failed_says_success() {
    exits(&[
        (
            "Running 10s test @ http://127.0.0.1:9000/health\n  2 threads and 20 connections\n  \
             120000 requests in 10.00s, 14.1MB read\nRequests/sec:  12000.00\nTransfer/sec:      1.41MB\n",
            0,
        ),
        (
            "Running 10s test @ http://127.0.0.1:9000/health\n  120000 requests in 10.00s, 14.1MB read\n  \
             Socket errors: connect 0, read 12, write 0, timeout 40\nRequests/sec:  12000.00\n",
            3,
        ),
        (
            "Status code distribution:\n  [200]\t1900 responses\n  [204]\t100 responses\n",
            0,
        ),
        (
            "Status code distribution:\n  [200]\t1900 responses\n  [503]\t100 responses\n",
            2,
        ),
        (
            "sending incremental file list\nbackup/db.sql\n\nsent 2,048 bytes  received 35 bytes  4,166.00 bytes/sec\n\
             total size is 10,240  speedup is 4.92\n",
            0,
        ),
    ]);
}

#[test]
fn a_body_with_its_error_fields_empty_is_no_error() {
    let ok = "statusCode: 200\nResponse Text:\n{\"error_code\":0,\"error_msg\":\"\",\"data\":{\"balance\":12}}\n";
    let r = stdin(&["--json"], ok);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(json(&r)["results"][0]["class"], "success");
    // Set, the same fields are an error.
    let bad = "{\"error_code\":100,\"error_msg\":\"One of the parameters specified was missing or invalid\"}\n";
    assert_ne!(stdin(&[], bad).code, 0);
}

#[test]
fn access_records_of_2xx_and_3xx_are_success_whatever_their_paths_say() {
    exits(&[
        (
            "192.0.2.7 - - [02/Mar/2026:10:00:01 +0000] \"GET /assets/error-page.css HTTP/1.1\" 200 912 \"-\" \"Mozilla/5.0\"\n\
             192.0.2.7 - - [02/Mar/2026:10:00:02 +0000] \"GET /help/timeout-errors HTTP/1.1\" 304 0 \"-\" \"Mozilla/5.0\"\n",
            0,
        ),
        // A record that answered 502 among them.
        (
            "192.0.2.7 - - [02/Mar/2026:10:00:01 +0000] \"GET /assets/app.css HTTP/1.1\" 200 912 \"-\" \"Mozilla/5.0\"\n\
             192.0.2.7 - - [02/Mar/2026:10:00:02 +0000] \"POST /api/orders HTTP/1.1\" 502 157 \"-\" \"Mozilla/5.0\"\n",
            2,
        ),
        // A 200 record, then the error log reports a failure.
        (
            "192.0.2.7 - - [02/Mar/2026:10:00:01 +0000] \"GET / HTTP/1.1\" 200 912 \"-\" \"curl/8.5.0\"\n\
             2026/03/02 10:00:03 [error] 31#31: *9 connect() failed (111: Connection refused) while connecting to upstream\n",
            3,
        ),
    ]);
}

/// Retries that ran out end in failure however the log goes on, and progress is no outcome.
#[test]
fn exhausted_retries_and_progress_are_no_success() {
    exits(&[
        (
            "upload: build/a.tar to s3://artifacts.example/a.tar\n\
             upload failed: build/b.tar to s3://artifacts.example/b.tar An error occurred (SlowDown) \
             when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.\n\
             Completed 310.0 MiB/1.1 GiB (22.4 MiB/s) with 12 file(s) remaining\n",
            2,
        ),
        (
            "WARN sync: attempt 3/3 failed: connect ECONNREFUSED 10.0.0.7:9000, giving up\n\
             INFO sync: 14 files uploaded\n",
            3,
        ),
        // Retried, then worked: success.
        (
            "WARN sync: attempt 1/3 failed: connect ECONNREFUSED 10.0.0.7:9000, retrying\n\
             INFO sync: attempt 2/3 succeeded\n",
            0,
        ),
    ]);
}

#[test]
fn a_long_log_of_quiet_levels_is_judged_as_a_short_one() {
    // Past the length where the prefilter answers first, a log whose every line is `INFO`
    // and says nothing failed still worked, as the same log cut short does; one line of
    // no level makes both "nothing found".
    let line = |n: usize| {
        format!(
            "2024-05-01T10:00:{:02}Z INFO worker {} processed batch in 35 ms\n",
            n % 60,
            n % 97
        )
    };
    let quiet: String = (0..2_000).map(line).collect();
    assert!(quiet.len() > 64 * 1024);
    let short: String = (0..20).map(line).collect();
    for text in [&quiet, &short] {
        let r = stdin(&["--json"], text.as_str());
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(json(&r)["results"][0]["class"], "success");
    }
    for text in [&quiet, &short] {
        let mixed = format!("{text}worker 7 processed batch in 35 ms\n");
        assert_eq!(stdin(&[], mixed).code, 1);
    }
}

#[test]
fn an_exit_status_of_zero_does_not_undo_an_error_the_output_reported() {
    exits(&[
        // The program went on past its warning: the status it names stands.
        (
            "$ php bin/fetch.php
             PHP Warning:  file_get_contents(https://example.com/r.csv): Failed to open stream: HTTP request failed! HTTP/1.1 403 Forbidden
             $ echo $?
0
",
            1,
        ),
        // A line after the error says the operation was tried again and worked.
        (
            "$ php bin/fetch.php
             PHP Warning:  file_get_contents(https://example.com/r.csv): Failed to open stream: HTTP request failed! HTTP/1.1 503 Service Unavailable
             retrying in 2 s
             saved 4096 bytes: request succeeded
             $ echo $?
0
",
            0,
        ),
        // Nothing failed before it: the exit status is the whole story.
        ("$ php bin/fetch.php
wrote 4096 bytes
$ echo $?
0
", 0),
    ]);
}

#[test]
fn an_error_the_tool_says_it_ignored_fails_nothing() {
    exits(&[
        // Ansible went on past the task it was told to ignore, and the play ended well.
        (
            "TASK [fetch extras] ***
             fatal: [web1]: FAILED! => {\"changed\": false, \"msg\": \"Request failed: <urlopen error [Errno -2] Name or service not known>\"}
             ...ignoring

             TASK [restart] ***
changed: [web1]

             PLAY RECAP ***
web1 : ok=3 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=1
",
            0,
        ),
        // Without the mark the same failure stands.
        (
            "TASK [fetch extras] ***
             fatal: [web1]: FAILED! => {\"changed\": false, \"msg\": \"Request failed: <urlopen error [Errno -2] Name or service not known>\"}

             PLAY RECAP ***
web1 : ok=1 changed=0 unreachable=0 failed=1 skipped=0 rescued=0 ignored=0
",
            3,
        ),
        // An ignored failure says nothing of a later one that was not.
        (
            "fatal: [web1]: FAILED! => {\"msg\": \"Request failed: <urlopen error [Errno -2] Name or service not known>\"}
             ...ignoring
             fatal: [web1]: FAILED! => {\"msg\": \"Status code was -1 and not [200]: Request failed: <urlopen error [Errno 111] Connection refused>\"}
",
            3,
        ),
    ]);
}

#[test]
fn words_that_say_only_that_it_ended_are_no_success_after_an_error() {
    exits(&[
        // Nothing named failed: it ended, and that is all there is to say.
        ("$ make dist\nBuild finished.\n", 0),
        // An error, then the program ends: the error stands.
        (
            "flutter: Upload failed: SocketException: Connection reset by peer (OS Error: Connection reset by peer, errno = 104)\n\
             Application finished.\n",
            3,
        ),
        // Under a level of failure, `completed` is when, not how (sbt's summary).
        (
            "[error] download error: Caught java.net.SocketException (Connection reset) while downloading https://repo1.maven.org/x.jar\n\
             [error] Total time: 212 s (0:03:32.0), completed 19 Nov 2024, 03:41:27\n",
            3,
        ),
        // After an attempt that was tried again, the run that finished worked.
        (
            "warning: spurious network error (3 tries remaining): [28] Timeout was reached\n\
             Finished `release` profile [optimized] target(s) in 38.41s\n",
            0,
        ),
    ]);
}

#[test]
fn a_test_run_is_judged_by_its_verdict() {
    exits(&[
        // What the tests logged (a refused dial, a 503, a client that gave up) is what they
        // tested; the run passed.
        (
            "=== RUN   TestUpstream_Returns503\n\
             \x20   upstream_test.go:61: stub answered 503 Service Unavailable three times, client gave up as expected\n\
             --- PASS: TestUpstream_Returns503 (0.31s)\n\
             === RUN   TestUpstream_DialRefused\n\
             \x20   upstream_test.go:84: got expected error: dial tcp 127.0.0.1:1: connect: connection refused\n\
             --- PASS: TestUpstream_DialRefused (0.00s)\n\
             PASS\n\
             ok  \tgithub.com/acme/edge/internal/upstream\t0.842s\n",
            0,
        ),
        (
            "=== RUN   TestUpstream_DialRefused\n\
             \x20   upstream_test.go:84: dial tcp 127.0.0.1:1: connect: connection refused\n\
             --- PASS: TestUpstream_DialRefused (0.00s)\n\
             === RUN   TestUpstream_Live\n\
             \x20   upstream_test.go:99: dial tcp 10.0.0.7:443: connect: connection refused\n\
             --- FAIL: TestUpstream_Live (0.00s)\n\
             FAIL\n\
             FAIL\tgithub.com/acme/edge/internal/upstream\t0.842s\n",
            3,
        ),
        // jest's line of a suite that passed.
        (
            "  console.error\n    connect ECONNREFUSED 127.0.0.1:9\n\n\
             PASS src/client.test.ts\n",
            0,
        ),
        // A summary that tallies passed tests and no failed one is a verdict: a status a
        // test logged (axios's `Request failed with status code 404`) was tested.
        (
            " PASS  src/api/users.test.ts\n  console.error\n\
             \x20   AxiosError: Request failed with status code 404\n\n\
             Test Suites: 3 passed, 3 total\nTests:       24 passed, 24 total\n",
            0,
        ),
        (
            "-------------------------------- live log call ---------------------------------\n\
             WARNING  billing.http:http.py:74 connect error: [Errno 111] Connection refused, retry 1/3\n\
             PASSED                                                                   [100%]\n\n\
             ============================== 6 passed in 1.87s ===============================\n",
            0,
        ),
        // After a suite that failed, a later suite's `PASS` is no verdict on the run, and
        // neither are its tests' retries.
        (
            " FAIL  src/checkout/submit.test.ts\n\
             \x20   FetchError: request to http://localhost:4000/graphql failed, reason: connect ECONNREFUSED 127.0.0.1:4000\n\n\
             \x20PASS  src/cart/cart.test.ts\n  console.warn\n    [cart] 429 from /cart/sync, retrying after 200ms\n\n\
             Test Suites: 1 failed, 1 passed, 2 total\nSnapshots:   4 passed, 4 total\n",
            3,
        ),
        // `Attempt 1 failed` and `curl: (7) Failed` are no tallies of failed tests.
        (
            "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n\
             Warning: Attempt 1 failed. Reason: Child_process exited with error code 7\n\
             Command completed after 2 attempt(s).\n",
            0,
        ),
    ]);
}

#[test]
fn a_chain_of_causes_and_a_failed_health_report_are_no_success() {
    exits(&[
        // anyhow's numbered causes: `0:` labels a cause, it counts no errors.
        (
            "[INFO] page 2/5 ok (5000 rows, 2.9s)\n\
             Error: fetching page 3 of report 88213\n\n\
             Caused by:\n    0: error sending request for url (https://r.example/rows?page=3)\n    1: operation timed out\n",
            3,
        ),
        // A report that names one check unhealthy beside healthy ones failed; the error
        // before it stands.
        (
            "[12:41:55 ERR] Health check \"payments\" failed\n\
             System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.\n\
             [12:41:55 WRN] Health report: Unhealthy (payments: Unhealthy, database: Healthy, redis: Healthy) in 0.2213s\n",
            3,
        ),
        (
            "[12:41:55 INF] Health report: Healthy (payments: Healthy, database: Healthy) in 0.2213s\n",
            0,
        ),
    ]);
}

#[test]
fn an_announced_attempt_that_output_follows_without_failure_worked() {
    exits(&[
        // PowerShell's retries, then the table it fetched.
        (
            "PS C:\\ops> Invoke-RestMethod https://status.example.com/v1/shards -MaximumRetryCount 3 -Verbose\n\
             VERBOSE: Requested HTTP/1.1 GET with 0-byte payload\n\
             VERBOSE: Retrying after interval of 2 seconds. Status code for previous attempt: ServiceUnavailable\n\
             VERBOSE: Received HTTP/1.1 response of content type application/json of unknown size\n\
             \n\
             shard region     players status\n\
             eu-1  eu-west       4112 online\n",
            0,
        ),
        // The same retries, then the cmdlet's failure.
        (
            "VERBOSE: Retrying after interval of 2 seconds. Status code for previous attempt: ServiceUnavailable\n\
             Invoke-RestMethod: Response status code does not indicate success: 503 (Service Unavailable).\n\
             PS C:\\ops>\n",
            2,
        ),
        // An update check put off for hours, then unrelated output.
        (
            "[10:22:18.655] [error] Error: net::ERR_CONNECTION_RESET\n\
             [10:22:18.656] [warn]  autoUpdater: update check failed, will retry in 4h\n\
             [10:22:19.003] [info]  (renderer 3) websocket reconnect scheduled in 5000ms\n\
             [10:22:19.010] [info]  window shown\n",
            3,
        ),
        // A download that failed, then another source tried and the build it fed.
        (
            "==> Downloading https://ftp.example.org/pkg/tool-1.2.tar.gz\n\
             curl: (22) The requested URL returned error: 404\n\
             Trying a mirror...\n\
             ==> Downloading https://mirror.example.org/pkg/tool-1.2.tar.gz\n\
             ==> make install\n",
            0,
        ),
        // botocore's last word is of no retry: the attempts before it, then the upload.
        (
            "botocore.retries.standard - DEBUG - Retry needed, retrying request after delay of: 0.37\n\
             botocore.retries.standard - DEBUG - Not retrying request.\n\
             upload: ./b.tar.gz to s3://bucket/b.tar.gz\n",
            0,
        ),
    ]);
}

#[test]
fn a_line_that_says_only_that_the_run_ended_is_no_success_after_a_failed_status() {
    exits(&[
        (
            "  GET https://pkgs.example.com/nuget/v3/index.json\n\
             C:\\src\\Api.csproj : error NU1301:   Response status code does not indicate success: 401 (Unauthorized).\n\
             Time Elapsed: 00:00:01.6123812\n\
             ========== Finished ==========\n",
            1,
        ),
        ("Restoring packages...\nRestored 4 projects.\n========== Finished ==========\n", 0),
    ]);
}

#[test]
fn a_table_with_a_failed_row_is_no_success_for_its_healthy_rows() {
    exits(&[
        // A pull that failed with a 503, then the pods: the new one cannot start, the old
        // one still runs.
        (
            "Warning  Failed  2m  kubelet  Failed to pull image \"registry.example/app:1.2\": unexpected status from GET request to https://registry.example/v2/app/manifests/1.2: 503 Service Unavailable\n\
             $ kubectl get pods\n\
             NAME          READY   STATUS             RESTARTS   AGE\n\
             app-7c9-new   0/1     ImagePullBackOff   0          4m\n\
             app-5f2-old   1/1     Running            0          3d\n",
            2,
        ),
        // Every row healthy: the rollout came through after the failure.
        (
            "Warning  Failed  2m  kubelet  Failed to pull image \"registry.example/app:1.2\": unexpected status from GET request to https://registry.example/v2/app/manifests/1.2: 503 Service Unavailable\n\
             $ kubectl get pods\n\
             NAME          READY   STATUS    RESTARTS   AGE\n\
             app-7c9-new   1/1     Running   0          1m\n",
            0,
        ),
    ]);
}
