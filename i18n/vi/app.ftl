# Giao diện Kỹ năng số: tiếng Việt (ngôn ngữ gốc).
# Mỗi id ở đây phải có trong mọi ngôn ngữ (core/tests/i18n.rs kiểm tra).

-brand = Kỹ năng số

app-title = { -brand }
app-tagline = Học kỹ năng số cơ bản, từng bước một.
skip-to-content = Bỏ qua, đến nội dung chính
lang-switch-label = Chọn ngôn ngữ
lang-vi = Tiếng Việt
lang-en = English

course-heading = Kỹ năng số cơ bản
course-intro = Các bài học ngắn, lời dễ hiểu. Chọn một bài để bắt đầu.
course-loading = Đang tải danh sách bài học…
course-load-failed = Không tải được danh sách bài học. Hãy kiểm tra kết nối mạng rồi thử lại.
course-empty = Chưa có bài học nào.
lesson-minutes = { $minutes } phút
lesson-state-not-started = Chưa học
lesson-state-in-progress = Đang học
lesson-state-passed = Đã đạt
lesson-kept = Đã tải về máy
offline-heading = Học khi không có mạng
offline-some = Đã tải về máy { $kept } trên { $total } bài ({ $kb } KB). Bài đã tải mở được cả khi không có mạng.
offline-all = Đã tải về máy cả { $total } bài ({ $kb } KB). Bạn học được cả khi không có mạng.
offline-download = Tải tất cả bài học ({ $kb } KB)
offline-downloading = Đang tải bài học…
offline-no-network = Chưa tải xong vì mất mạng hoặc mạng không trả về bài học. Các bài đã tải vẫn còn. Hãy thử lại sau.
offline-full = Máy đã đầy bộ nhớ nên không lưu thêm được bài. Các bài đã tải trước đó vẫn còn nguyên.
offline-failed = Không lưu được bài học trên máy này. Các bài đã tải trước đó vẫn còn.
storage-not-kept = Trình duyệt này không cho lưu bài học. Bạn vẫn học được, nhưng khi đóng trang, kết quả sẽ mất.
storage-save-failed = Không lưu được câu trả lời mới nhất, có thể do máy đã đầy bộ nhớ. Các bài đã lưu trước đó vẫn còn.
storage-some-unreadable = Một vài kết quả cũ bị hỏng nên không đọc được. Các kết quả khác vẫn còn đủ.
storage-outdated = Ứng dụng vừa được cập nhật ở một thẻ khác. Hãy tải lại trang này để tiếp tục lưu bài.
reload = Tải lại trang
update-ready = Đã có phiên bản mới. Bấm Cập nhật khi bạn sẵn sàng. Bài đã học vẫn được giữ.
update-now = Cập nhật

check-heading = Bốn trụ cột công dân số
check-intro = Bạn đã có những gì? Hãy đánh dấu điều đúng với bạn. Ô cuối cùng tự đánh dấu khi bạn học xong.
check-danh-tinh-so = Tôi có VNeID đã kích hoạt
check-phuong-tien-so = Tôi có điện thoại thông minh
check-tai-khoan-so = Tôi có tài khoản dịch vụ công và tài khoản ngân hàng hoặc ví điện tử
check-ky-nang-so = Tôi đã học kỹ năng số cơ bản
check-help = Bài giúp bạn:
check-next = Học tiếp:
check-learned = Đã đạt { $passed } trên { $total } bài.

pillar-danh-tinh-so = Danh tính số
pillar-phuong-tien-so = Phương tiện số
pillar-tai-khoan-so = Tài khoản số
pillar-ky-nang-so = Kỹ năng số

competency-khai-thac-du-lieu = Khai thác dữ liệu và thông tin
competency-giao-tiep-hop-tac = Giao tiếp và hợp tác
competency-sang-tao-noi-dung = Sáng tạo nội dung số
competency-an-toan = An toàn
competency-giai-quyet-van-de = Giải quyết vấn đề
competency-ung-dung-ai = Ứng dụng trí tuệ nhân tạo

basic-skill-dich-vu-cong = Sử dụng dịch vụ công trực tuyến
basic-skill-mua-sam = Mua sắm trực tuyến
basic-skill-thanh-toan = Thanh toán trực tuyến
basic-skill-tu-bao-ve = Tự bảo vệ mình trên không gian mạng
basic-skill-nen-tang-khac = Sử dụng các nền tảng số khác

lesson-back = Về danh sách bài học
lesson-loading = Đang tải bài học…
lesson-load-failed = Không tải được bài học này. Hãy kiểm tra kết nối mạng rồi thử lại.
lesson-missing = Không có bài học này. Có thể đường dẫn đã cũ.
lesson-objectives = Học xong bài này, bạn sẽ:
callout-warning = Cảnh báo
callout-tip = Mẹo nhỏ
glossary-label = Từ cần biết
retry = Thử lại

quiz-heading = Bài kiểm tra
quiz-about = Có { $count } câu hỏi. Bạn cần đúng { $pass }% để đạt.
quiz-start = Làm bài kiểm tra
quiz-back-to-lesson = Xem lại bài học
quiz-progress = Câu { $n } / { $total }
quiz-single-help = Chọn một câu trả lời.
quiz-multiple-help = Chọn tất cả các câu đúng.
quiz-true = Đúng
quiz-false = Sai
quiz-order-help = Chạm vào từng bước theo đúng thứ tự. Chạm lại một bước đã chọn để bỏ ra.
quiz-order-yours = Thứ tự của bạn
quiz-take-back = chạm để bỏ ra
quiz-match-help = Chạm vào một mục bên trên, rồi chạm vào ý đi cùng với nó bên dưới.
quiz-match-left = Các mục cần nối
quiz-match-right = Các ý để chọn
quiz-spot-help = Chạm vào những phần đáng ngờ trong tin nhắn. Chạm lại để bỏ chọn.
quiz-spot-message = Tin nhắn
quiz-check = Kiểm tra
quiz-next = Câu tiếp theo
quiz-finish = Xem kết quả
quiz-right = Đúng rồi!
quiz-wrong = Chưa đúng.
quiz-parts = Bạn làm đúng { $right } trên { $parts } phần.
quiz-result-heading = Kết quả
quiz-score = Bạn trả lời đúng { $score } trên { $total } câu ({ $percent }%).
quiz-passed = Chúc mừng! Bạn đã đạt bài này.
quiz-saved = Kết quả đã được lưu trên máy này.
quiz-records = Xem hồ sơ học tập của bạn
quiz-failed = Bạn cần đúng ít nhất { $pass }% để đạt. Hãy xem lại bài học rồi làm lại.
quiz-review = Nên xem lại các câu:
quiz-retry = Làm lại

not-found-heading = Không tìm thấy trang này
not-found-body = Đường dẫn có thể bị gõ sai hoặc trang đã được chuyển đi.
not-found-home = Về trang đầu

settings-link = Cài đặt
help-summary = Cần giúp đỡ?
help-course = Đây là danh sách bài học. Bấm vào tên một bài để bắt đầu học.
help-lesson = Đọc từng bước, từ trên xuống dưới. Học xong, bấm "Làm bài kiểm tra" ở cuối trang.
help-quiz = Chọn câu trả lời, rồi bấm "Kiểm tra". Trả lời sai cũng không sao, bạn được làm lại.
help-not-found = Máy không tìm thấy trang bạn mở. Bấm "Về trang đầu" để quay lại danh sách bài học.
reader-label = Nghe đọc
reader-play = Nghe đọc
reader-pause = Dừng
reader-resume = Nghe tiếp
reader-again = Nghe lại
reader-next = Đoạn sau
reader-at = Đoạn { $n } / { $total }
reader-end = Đã đọc hết.
reader-none = Điện thoại này chưa có giọng đọc cho bài này, nên chưa nghe đọc được.
