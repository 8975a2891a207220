// OrderedExtraction: extraction on worker threads, results delivered in
// input order on the caller's thread (newsgraph/extractor.h).
#include <algorithm>
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
    std::optional<Result<Extractor::Output>> result;
  };
  std::mutex mu;
  std::condition_variable work;   // a batch to claim, or stop
  std::condition_variable ready;  // an item finished
  std::deque<Item> items;         // in input order; front = next to deliver
  size_t next_unclaimed = 0;      // index into items
  size_t max_in_flight = 0;
  // The text of the queued documents, and how much of it may be queued
  // (a document is always let in when nothing else is).
  size_t queued_bytes = 0, max_bytes = 0;
  size_t batch = 1;               // documents extracted together, at most
  bool finishing = false;         // Finish is waiting: claim what is left
  bool stop = false;
  bool caller_extracts = false;   // the caller extracts rather than wait
  std::vector<std::thread> threads;

  // How many items from next_unclaimed on make the next batch, or 0 when a
  // thread should wait for more: a batch is `batch` documents or
  // kBatchBytes of text, or what is queued once no more can come for now.
  size_t NextBatch() const;
  // Whether the caller must wait for documents to be delivered before it
  // adds another.
  bool Full() const {
    return items.size() >= max_in_flight ||
           (queued_bytes >= max_bytes && !items.empty());
  }
};

namespace {

// A batch ends at this much text too, so that one of long documents does
// not hold much memory (Extractor::ExtractBatch keeps every sentence's
// mentions until the rules have run).
constexpr size_t kBatchBytes = size_t(256) << 10;

// The results of the items (ExtractBatch over those to extract), in
// order. Reads only what no other thread changes while they are claimed.
std::vector<Result<Extractor::Output>> ExtractItems(
    const Extractor& ex,
    const std::vector<OrderedExtraction::State::Item*>& items) {
  std::vector<const Document*> docs;
  for (auto* item : items)
    if (item->extract) docs.push_back(&item->doc);
  std::vector<Result<Extractor::Output>> extracted = ex.ExtractBatch(docs);
  std::vector<Result<Extractor::Output>> results;
  results.reserve(items.size());
  size_t k = 0;
  for (auto* item : items) {
    if (item->extract) results.push_back(std::move(extracted[k++]));
    else results.emplace_back(Extractor::Output{});
  }
  return results;
}

// Stores the results (under the lock: the delivering thread reads them).
void Store(const std::vector<OrderedExtraction::State::Item*>& items,
           std::vector<Result<Extractor::Output>>&& results) {
  for (size_t i = 0; i < items.size(); ++i)
    items[i]->result.emplace(std::move(results[i]));
}

// Hands the finished items at the front of the queue to `done`, in order,
// with the lock released during each call.
Status DeliverFinished(OrderedExtraction::State& s,
                       std::unique_lock<std::mutex>& lock,
                       const OrderedExtraction::Done& done) {
  while (!s.items.empty() && s.items.front().result) {
    OrderedExtraction::State::Item item = std::move(s.items.front());
    s.items.pop_front();
    s.queued_bytes -= item.doc.text.size();
    --s.next_unclaimed;
    lock.unlock();
    Status st = done(item.doc, *item.result);
    if (!st.ok()) return st;
    lock.lock();
  }
  return Status::Ok();
}

// Claims the next batch (s.NextBatch() items, which must be > 0).
std::vector<OrderedExtraction::State::Item*> Claim(OrderedExtraction::State& s) {
  std::vector<OrderedExtraction::State::Item*> claimed;
  for (size_t n = s.NextBatch(); n > 0; --n)
    claimed.push_back(&s.items[s.next_unclaimed++]);
  return claimed;
}

// Claims the next batch and extracts it on this thread with the lock
// released (a worker, a caller that would wait, or the caller when there
// are no workers). Items are only popped once finished, so the claimed
// ones stay valid (std::deque keeps references on push_back and
// pop_front).
void ExtractNext(OrderedExtraction::State& s, const Extractor& ex,
                 std::unique_lock<std::mutex>& lock) {
  auto claimed = Claim(s);
  lock.unlock();
  auto results = ExtractItems(ex, claimed);
  lock.lock();
  Store(claimed, std::move(results));
  s.ready.notify_all();
}

// Whether a caller about to wait should extract the next batch instead.
bool CallerTakes(const OrderedExtraction::State& s) {
  return s.caller_extracts && s.NextBatch() > 0;
}

}  // namespace

size_t OrderedExtraction::State::NextBatch() const {
  size_t n = 0, bytes = 0;
  for (size_t i = next_unclaimed; i < items.size() && n < batch; ++i) {
    ++n;
    bytes += items[i].doc.text.size();
    if (bytes >= kBatchBytes) return n;
  }
  if (n == batch) return n;
  return finishing || Full() ? n : 0;
}

OrderedExtraction::OrderedExtraction(const Extractor& extractor, int threads,
                                     Done done, size_t window,
                                     bool caller_extracts)
    : extractor_(extractor), done_(std::move(done)) {
  state_ = std::make_unique<State>();
  State* s = state_.get();
  s->caller_extracts = caller_extracts;
  const size_t extracting = size_t(std::max(threads, 1));
  // A batch for each thread being extracted and one more queued for it,
  // so that a thread need not wait for the reader; few enough documents
  // to keep memory bounded.
  s->max_in_flight = window > 0 ? window : extracting * kBatchDocuments * 2;
  s->batch = std::min(kBatchDocuments, s->max_in_flight);
  // As much text as that many documents of a batch's average size.
  s->max_bytes = s->max_in_flight * (kBatchBytes / kBatchDocuments);
  if (threads <= 0) return;  // batches run on the calling thread
  for (size_t t = 0; t < extracting; ++t) {
    s->threads.emplace_back([this, s] {
      std::unique_lock<std::mutex> lock(s->mu);
      for (;;) {
        s->work.wait(lock, [s] { return s->stop || s->NextBatch() > 0; });
        if (s->stop) return;
        ExtractNext(*s, extractor_, lock);
      }
    });
  }
}

OrderedExtraction::~OrderedExtraction() {
  if (state_->threads.empty()) return;
  {
    std::lock_guard<std::mutex> lock(state_->mu);
    state_->stop = true;
  }
  state_->work.notify_all();
  for (auto& t : state_->threads) t.join();
}

Status OrderedExtraction::Add(Document&& doc, bool extract) {
  State* s = state_.get();
  std::unique_lock<std::mutex> lock(s->mu);
  s->queued_bytes += doc.text.size();
  s->items.push_back(State::Item{std::move(doc), extract, {}});
  if (s->threads.empty()) {
    // One thread: extract each batch here once it is complete.
    if (s->NextBatch() == 0) return Status::Ok();
    ExtractNext(*s, extractor_, lock);
    return DeliverFinished(*s, lock, done_);
  }
  if (s->NextBatch() > 0) s->work.notify_one();
  // Deliver what is finished at the front; wait while too many are queued.
  for (;;) {
    NEWSGRAPH_RETURN_IF_ERROR(DeliverFinished(*s, lock, done_));
    if (!s->Full()) return Status::Ok();
    if (CallerTakes(*s)) {
      ExtractNext(*s, extractor_, lock);
    } else {
      s->ready.wait(lock);
    }
  }
}

Status OrderedExtraction::Finish() {
  State* s = state_.get();
  std::unique_lock<std::mutex> lock(s->mu);
  s->finishing = true;
  if (s->threads.empty()) {
    while (s->NextBatch() > 0) ExtractNext(*s, extractor_, lock);
    Status st = DeliverFinished(*s, lock, done_);
    s->finishing = false;
    return st;
  }
  s->work.notify_all();
  for (;;) {
    Status st = DeliverFinished(*s, lock, done_);
    if (!st.ok() || s->items.empty()) {
      if (!lock.owns_lock()) lock.lock();
      s->finishing = false;
      return st;
    }
    if (CallerTakes(*s)) {
      ExtractNext(*s, extractor_, lock);
    } else {
      s->ready.wait(lock);
    }
  }
}

}  // namespace newsgraph
