import Foundation
import Synchronization
@testable import ConfabTUI
import Testing

/// The pause that holds a retention job between batches while the screen asks whether to stop it.
@Suite struct JobProgressTests {
    @Test func pauseHoldsUntilAnswered() throws {
        for stops in [false, true] {
            let progress = JobProgress()
            progress.setPaused(true)
            let answer = Atomic<Int>(-1)
            let worker = Thread { answer.store(progress.shouldStop() ? 1 : 0, ordering: .relaxed) }
            worker.start()

            Thread.sleep(forTimeInterval: 0.2)
            #expect(answer.load(ordering: .relaxed) == -1, "the job waits while the question is open")

            if stops {
                progress.requestStop()
            } else {
                progress.setPaused(false)
            }
            let deadline = Date().addingTimeInterval(5)
            while answer.load(ordering: .relaxed) == -1 && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.01)
            }
            #expect(answer.load(ordering: .relaxed) == (stops ? 1 : 0))
        }
    }
}
