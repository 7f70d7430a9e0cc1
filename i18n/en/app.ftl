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

not-found-heading = Page not found
not-found-body = The address may be mistyped, or the page has moved.
not-found-home = Go to the start page
