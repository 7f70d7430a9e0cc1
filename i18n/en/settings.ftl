# Words of the settings page only (its own wasm, see app/build.rs): kept out of the course
# page's wasm, which carries app.ftl alone.

settings-heading = Settings
help-settings = Here you choose the text size, the colours, the learner and their records. Each learner on this phone has their own choices.
storage-heading = Kept on this phone
look-heading = Text size and colours
look-size = Text size: { $percent } %
look-bigger = Larger text
look-smaller = Smaller text
look-largest = The text is as large as it goes.
look-smallest = The text is as small as it goes.
look-contrast = High contrast: white and yellow on black
look-contrast-on = High contrast is on.
look-contrast-off = High contrast is off.
look-not-kept = The phone could not keep this choice. It holds for this visit only.
storage-persisted = The browser will keep your lessons and results, even when the phone is short of space.
storage-not-persisted = When the phone is short of space, the browser may delete downloaded lessons. You can ask it to keep them.
storage-refused = The browser did not agree to keep them for good. Your lessons are still saved, but may be deleted when the phone is short of space.
storage-unknown = This browser does not say whether your lessons are kept for good.
storage-persist = Ask to keep my lessons
storage-used = The app uses about { $kb } KB on this phone.

## Learners on this device
profiles-heading = Learners on this phone
profiles-in-use = Learning now
profiles-locked = Locked
profiles-tap-to-switch = Tap your picture to carry on with your own lessons.
profiles-continue = Carry on learning: { $name }
profiles-add = Add a learner
profiles-edit = Change picture and name
profiles-add-lock = Add a lock
profiles-remove-lock = Remove the lock
profiles-delete = Delete a learner
profiles-not-kept = This browser does not let the app keep data, so learners cannot be added. You can still learn as usual.
profiles-damaged = The list of learners was damaged and could not be read. Lessons learned are still on the phone. Please add the learners again.
profiles-save-failed = Could not save. The phone's storage may be full. Please try again.
profiles-wrong = Not right. Tries left: { $tries }.
profiles-wait = Too many wrong tries. Wait { $seconds } seconds, then try again.
profiles-wait-minutes = Too many wrong tries. Wait { $minutes } minutes, then try again.
profiles-name-too-long = The name is too long. Use at most 40 letters.
profiles-switched = Now learning: { $name }.
profiles-created = { $name } was added, and is learning now.
profiles-edited = The new picture and name of { $name } are saved.
profiles-deleted = { $name } and all their lessons were deleted.
profiles-pick-picture = Pick a picture you will know as yours
profiles-name = Name (optional)
profiles-name-hint = You can leave it empty. Then the picture's name is used.
profiles-save = Save
profiles-cancel = Go back
profiles-lock-heading = Lock { $name }'s profile
profiles-lock-how = A lock stops others in the family opening your lessons by mistake. Choose how to open it:
profiles-lock-pictures = Tap three pictures
profiles-lock-pin = A 4-digit PIN
profiles-lock-enter-pictures = Tap three pictures you will remember, one after another.
profiles-lock-enter-pin = Tap four digits you will remember.
profiles-lock-again = Tap the same again, to be sure.
profiles-lock-mismatch = The two did not match. Please start again.
profiles-locked-done = Locked. From now on, this profile opens only with its lock.
profiles-unlocked-done = The lock was removed.
profiles-unlock-heading = Open { $name }'s profile
profiles-unlock-pictures = Tap the lock's three pictures, in order.
profiles-unlock-pin = Tap the lock's four digits.
profiles-delete-which = Tap the learner to delete. The learner in use cannot be deleted. To delete them, switch to someone else first.
profiles-delete-confirm = Delete { $name }?
profiles-delete-warning = All lessons and results of this learner on this phone will be lost for good.
profiles-delete-yes = Delete for good
profiles-delete-no = Keep
keypad-entered = { $entered } of { $total } tapped
keypad-back = Undo last tap
picture-lotus = Lotus
picture-sun = Sun
picture-moon = Moon
picture-star = Star
picture-fish = Fish
picture-bird = Bird
picture-cat = Cat
picture-buffalo = Buffalo
picture-tree = Tree
picture-house = House
picture-boat = Boat
picture-bicycle = Bicycle

## Completion records
records-heading = Learning records
records-what = Each time you pass a quiz, the phone can write a learning record. Your phone signs the record so that nobody can change it. It is your own statement, not an official certificate.
records-contains = A record holds: the lesson's name, your score, how long the quiz took, the day you finished and a code of your own phone. It does not hold your name, phone number or ID card number.
records-ask = What may your records be used for? Choose each one. Not choosing means no.
consent-keep = Write and keep records on this phone
consent-send = Send records to a trainer or to the City's collection service
consent-host = Send records to the app or website this lesson is open in, such as the Công dân số app
consent-under-16 = The learner is under 16
consent-under-16-hint = For a learner under 16, a parent or guardian must agree before records are sent anywhere.
consent-save = Save my choices
consent-saved = Your choices are saved.
consent-change = Change my choices
consent-yes = Yes
consent-no = No
consent-export = Download my consent
consent-withdraw-note = You can change your mind at any time. Records already written stay on the phone until you delete the learner.
consent-guardian-needed = Learner under 16: records are not sent until a parent or guardian agrees.
consent-guardian = I am the parent or guardian, and I agree
consent-guardian-done = A parent or guardian has agreed.
records-not-kept = You have not agreed to records, so none are written. Your lessons are saved as usual.
records-none = No records yet. Learn a lesson and pass its quiz.
records-list-heading = Records written ({ $count })
records-made = { $count ->
    [one] One new record written.
   *[other] { $count } new records written.
}
record-line = { $date } · { $score } of { $total } right
record-self = Self-declared on this phone
records-export = Download my records
records-no-store = This browser does not let the app save data, so no records can be written. You can still learn as usual.
records-failed = The records could not be written. The phone may be full. Your lessons are still saved. Please try again later.
records-unreadable = { $count ->
    [one] One result is damaged and could not be read.
   *[other] { $count } results are damaged and could not be read.
}

## Words inside a record (in the lesson's language)
record-description = A self-declared lesson completion, signed by the learner's device. Not an official certificate; a trainer may confirm it later.
record-criteria = Learn the lesson and pass its quiz with at least { $pass }% of the answers right.
consent-heading = Your choices
outbox-waiting = Waiting to be sent. The phone will send it when it is online.
outbox-sent = Sent on { $date }
outbox-rejected = The collector did not accept this record (code { $status }): { $said }
record-broken = This record was changed on the phone and can no longer be used. It will not be sent or downloaded. ({ $why })

## A guide endorses a record
endorse-ask = Ask someone who watched to confirm
endorse-who = Who watched { $name } do this lesson?
endorse-lock = { $name }, please open your lock
endorse-statement = { $guide } confirms watching { $name } finish this lesson
endorse-comment = A note (optional)
endorse-sign = Sign to confirm
endorse-back = Go back
endorse-done = { $name }'s confirmation is saved.
endorse-someone = a guide
record-endorsed = Confirmed by: { $names }
endorsement-name = A guide confirms watching the learner complete the lesson

## Handing records to a trainer
handover = Send to a trainer
handover-shared = Records sent.
handover-link = Send this link to your trainer, by Zalo or a text message. The records are inside the link.
handover-copy = Copy the link
handover-copied = Link copied. Paste it into a message to your trainer.
handover-not-copied = The phone did not let the app copy. Press and hold the link to copy it.
qr-show = Show a QR code for the trainer
qr-how = Hold this screen up for the trainer to scan. There are { $of } codes. When one is scanned, press "Next code".
qr-how-one = Hold this screen up for the trainer to scan.
qr-label = QR code { $n } of { $of }
qr-next = Next code
qr-back = Previous code
qr-done = Done, back to my records
