fn main() {
    kns_app::settings::start();
}
