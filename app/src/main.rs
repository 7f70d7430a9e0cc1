fn main() {
    kns_app::start();
}
