import Testing
@testable import Presentation

@Suite("What the progress line says")
struct ProgressActivityTests {
    // 10,500 of 42,000 bytes in 2 s: the rest, 31,500, takes 3 times as long, 6 s; 24,690
    // records in 2 s are 12,345 a second.
    @Test("Staging: files and bytes of the totals, records a second, the time left")
    func staging() {
        var activity = ProgressActivity(kind: .staging(table: "staging_events", totalFiles: 12, totalBytes: 42_000))
        activity.files = 3
        activity.done = 10_500
        activity.records = 24_690
        #expect(activity.text(elapsed: .seconds(2))
                == "staging_events  3 of 12 files  10.5 kB of 42.0 kB (25%)  12,345 records/s  ETA 6.0 s")
        // Without totals: what was read, and how long it has run.
        var open = ProgressActivity(kind: .staging(table: "staging_songs", totalFiles: nil, totalBytes: nil))
        open.files = 7
        open.done = 2_900
        open.records = 7
        #expect(open.text(elapsed: .milliseconds(500)) == "staging_songs  7 files  2.9 kB  14 records/s  0.5 s")
        // With a file count only, the time left goes by files: 1 of 4 in 3 s leaves 9 s.
        var files = ProgressActivity(kind: .staging(table: "staging_songs", totalFiles: 4, totalBytes: nil))
        files.files = 1
        #expect(files.text(elapsed: .seconds(3)) == "staging_songs  1 of 4 files  0 B  0 records/s  ETA 9.0 s")
    }

    // 12 MB of 40 MB in 4 s: 3 MB a second; the 28 MB left take 9.33 s.
    @Test("Counted work: bytes with a rate and the time left; items without a total show the time run")
    func counting() {
        var upload = ProgressActivity(kind: .counting(what: "uploading song_data", total: 40_000_000, unit: .bytes))
        upload.done = 12_000_000
        #expect(upload.text(elapsed: .seconds(4)) == "uploading song_data  12.0 MB of 40.0 MB (30%)  3.0 MB/s  ETA 9.3 s")
        var listing = ProgressActivity(kind: .counting(what: "listing s3://bucket/log_data/", total: nil, unit: .items))
        listing.done = 1_200
        #expect(listing.text(elapsed: .seconds(4)) == "listing s3://bucket/log_data/  1,200  4.0 s")
        var done = ProgressActivity(kind: .counting(what: "downloading", total: 10, unit: .items))
        done.done = 10
        #expect(done.text(elapsed: .seconds(75)) == "downloading  10 of 10 (100%)  1:15")
    }

    @Test("A step: its name and how long it has run")
    func step() {
        let step = ProgressActivity(kind: .step("transform songplays"))
        #expect(step.text(elapsed: .milliseconds(1234)) == "transform songplays  1.2 s")
        #expect(step.text(elapsed: .seconds(135)) == "transform songplays  2:15")
    }
}
