# Kỹ năng số interface: English (a full translation of vi).
# Every id here must exist in every language (core/tests/i18n.rs checks it).

-brand = Kỹ năng số

app-title = { -brand }
app-tagline = Learn basic digital skills, one step at a time.
skip-to-content = Skip to main content
lang-switch-label = Choose a language
lang-vi = Tiếng Việt
lang-en = English

course-heading = Basic digital skills
course-intro = Short lessons in plain words. Choose a lesson to begin.
course-loading = Loading the lessons…
course-load-failed = The lessons could not be loaded. Check your connection, then try again.
course-empty = There are no lessons yet.
lesson-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
lesson-state-not-started = Not started
lesson-state-in-progress = In progress
lesson-state-passed = Passed
lesson-kept = Downloaded
offline-heading = Learning with no network
offline-some = { $kept } of { $total } lessons are downloaded to this phone ({ $kb } KB). A downloaded lesson opens even with no network.
offline-all = All { $total } lessons are downloaded to this phone ({ $kb } KB). You can learn even with no network.
offline-download = Download all lessons ({ $kb } KB)
offline-downloading = Downloading the lessons…
offline-no-network = The download did not finish: the network was lost or did not send the lessons. The lessons already downloaded are still here. Try again later.
offline-full = This phone's storage is full, so no more lessons could be saved. The lessons downloaded before are all still here.
offline-failed = The lessons could not be saved on this phone. The lessons downloaded before are still here.
storage-not-kept = This browser does not let the app keep your work. You can still learn, but your results will be lost when you close the page.
storage-save-failed = Your latest answer could not be saved, perhaps because the phone's storage is full. What was saved before is still there.
storage-some-unreadable = A few old results were damaged and could not be read. Everything else is still there.
storage-outdated = The app was just updated in another tab. Reload this page to keep saving your work.
reload = Reload the page
update-ready = A new version is ready. Tap Update when you are ready. What you have learned is kept.
update-now = Update

check-heading = The four pillars of a digital citizen
check-intro = What do you have already? Tick what is true for you. The last box ticks itself when you finish the lessons.
check-danh-tinh-so = I have an activated VNeID
check-phuong-tien-so = I have a smartphone
check-tai-khoan-so = I have a public-service account and a bank account or e-wallet
check-ky-nang-so = I have learned basic digital skills
check-help = A lesson that helps:
check-next = Next lesson:
check-learned = { $passed } of { $total } lessons passed.

pillar-danh-tinh-so = Digital identity
pillar-phuong-tien-so = Digital devices
pillar-tai-khoan-so = Digital accounts
pillar-ky-nang-so = Digital skills

competency-khai-thac-du-lieu = Finding and using information
competency-giao-tiep-hop-tac = Communicating and working together
competency-sang-tao-noi-dung = Creating digital content
competency-an-toan = Safety
competency-giai-quyet-van-de = Solving problems
competency-ung-dung-ai = Using artificial intelligence

basic-skill-dich-vu-cong = Using online public services
basic-skill-mua-sam = Shopping online
basic-skill-thanh-toan = Paying online
basic-skill-tu-bao-ve = Protecting yourself online
basic-skill-nen-tang-khac = Using other digital platforms

lesson-back = Back to the lessons
lesson-loading = Loading the lesson…
lesson-load-failed = This lesson could not be loaded. Check your connection, then try again.
lesson-missing = There is no such lesson. The link may be out of date.
lesson-objectives = After this lesson you will:
callout-warning = Warning
callout-tip = Tip
glossary-label = Word to know
retry = Try again

quiz-heading = Quiz
quiz-about = { $count ->
    [one] There is { $count } question. You need { $pass }% to pass.
   *[other] There are { $count } questions. You need { $pass }% to pass.
}
quiz-start = Take the quiz
quiz-back-to-lesson = Back to the lesson
quiz-progress = Question { $n } of { $total }
quiz-single-help = Choose one answer.
quiz-multiple-help = Choose every right answer.
quiz-true = True
quiz-false = False
quiz-order-help = Tap the steps in the right order. Tap a chosen step again to take it back.
quiz-order-yours = Your order
quiz-take-back = tap to take back
quiz-match-help = Tap an item above, then tap what goes with it below.
quiz-match-left = Items to match
quiz-match-right = Choices
quiz-spot-help = Tap the suspicious parts of the message. Tap again to undo.
quiz-spot-message = Message
quiz-check = Check
quiz-next = Next question
quiz-finish = See the result
quiz-right = Right!
quiz-wrong = Not quite.
quiz-parts = You got { $right } of { $parts } parts right.
quiz-result-heading = Result
quiz-score = You answered { $score } of { $total } questions right ({ $percent }%).
quiz-passed = Well done! You passed this lesson.
quiz-saved = Your result is saved on this device.
quiz-records = See your learning records
quiz-failed = You need at least { $pass }% to pass. Look at the lesson again, then try again.
quiz-review = Questions to look at again:
quiz-retry = Try again

not-found-heading = Page not found
not-found-body = The address may be mistyped, or the page has moved.
not-found-home = Go to the start page

settings-link = Settings
help-summary = Need help?
help-course = This is the list of lessons. Press the name of a lesson to start learning.
help-lesson = Read the steps one by one, from the top down. When you are done, press "Take the quiz" at the end of the page.
help-quiz = Choose an answer, then press "Check". A wrong answer is fine: you can try again.
help-not-found = The page you opened was not found. Press "Go to the start page" to go back to the lessons.
reader-label = Read aloud
reader-play = Read aloud
reader-pause = Pause
reader-resume = Go on
reader-again = Hear it again
reader-next = Next
reader-at = Part { $n } of { $total }
reader-end = That is the end.
reader-none = This phone has no voice to read this lesson aloud.
