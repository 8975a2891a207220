// OrderedExtraction: extraction on worker threads, results delivered in
// input order on the caller's thread (newsgraph/extractor.h).
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "newsgraph/extractor.h"

namespace newsgraph {

struct OrderedExtraction::State {
  struct Item {
    Document doc;
    bool extract = true;
    bool claimed = false;
    std::optional<Result<Extractor::Output>> result;
  };
  std::mutex mu;
  std::condition_variable work;   // an unclaimed item or stop
  std::condition_variable ready;  // an item finished
  std::deque<Item> items;         // in input order; front = next to deliver
  size_t next_unclaimed = 0;      // index into items
  size_t max_in_flight = 0;
  bool stop = false;
  std::vector<std::thread> threads;
};

namespace {

Result<Extractor::Output> Run(const Extractor& ex, const Document& doc,
                              bool extract) {
  if (!extract) return Extractor::Output{};
  return ex.Extract(doc);
}


// Hands the finished items at the front of the queue to `done`, in order,
// with the lock released during each call.
Status DeliverFinished(OrderedExtraction::State& s,
                       std::unique_lock<std::mutex>& lock,
                       const OrderedExtraction::Done& done) {
  while (!s.items.empty() && s.items.front().result) {
    OrderedExtraction::State::Item item = std::move(s.items.front());
    s.items.pop_front();
    --s.next_unclaimed;
    lock.unlock();
    Status st = done(item.doc, *item.result);
    if (!st.ok()) return st;
    lock.lock();
  }
  return Status::Ok();
}

}  // namespace

OrderedExtraction::OrderedExtraction(const Extractor& extractor, int jobs,
                                     Done done, size_t window)
    : extractor_(extractor), done_(std::move(done)) {
  if (jobs <= 1) return;
  state_ = std::make_unique<State>();
  State* s = state_.get();
  // Enough documents in flight to keep every thread busy while one slow
  // document holds up delivery, few enough to keep memory bounded.
  s->max_in_flight = window > 0 ? window : size_t(jobs) * 16;
  for (int t = 0; t < jobs; ++t) {
    s->threads.emplace_back([this, s] {
      std::unique_lock<std::mutex> lock(s->mu);
      for (;;) {
        s->work.wait(lock, [s] {
          return s->stop || s->next_unclaimed < s->items.size();
        });
        if (s->stop) return;
        State::Item& item = s->items[s->next_unclaimed++];
        item.claimed = true;
        lock.unlock();
        // Items are only popped once finished, so `item` stays valid
        // (std::deque keeps references on push_back/pop_front).
        auto r = Run(extractor_, item.doc, item.extract);
        lock.lock();
        item.result.emplace(std::move(r));
        s->ready.notify_all();
      }
    });
  }
}

OrderedExtraction::~OrderedExtraction() {
  if (!state_) return;
  {
    std::lock_guard<std::mutex> lock(state_->mu);
    state_->stop = true;
  }
  state_->work.notify_all();
  for (auto& t : state_->threads) t.join();
}

Status OrderedExtraction::Add(Document&& doc, bool extract) {
  if (!state_) {
    auto r = Run(extractor_, doc, extract);
    return done_(doc, r);
  }
  State* s = state_.get();
  std::unique_lock<std::mutex> lock(s->mu);
  s->items.push_back(State::Item{std::move(doc), extract, false, {}});
  s->work.notify_one();
  // Deliver what is finished at the front; wait while too many are queued.
  for (;;) {
    NEWSGRAPH_RETURN_IF_ERROR(DeliverFinished(*s, lock, done_));
    if (s->items.size() < s->max_in_flight) return Status::Ok();
    s->ready.wait(lock);
  }
}

Status OrderedExtraction::Finish() {
  if (!state_) return Status::Ok();
  State* s = state_.get();
  std::unique_lock<std::mutex> lock(s->mu);
  for (;;) {
    NEWSGRAPH_RETURN_IF_ERROR(DeliverFinished(*s, lock, done_));
    if (s->items.empty()) return Status::Ok();
    s->ready.wait(lock);
  }
}

}  // namespace newsgraph
