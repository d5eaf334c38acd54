// One kiosk's running state: the flow, the writer and the keyboard layers.
// It routes screens' intents to ApplyKioskIntent (app/core/kiosk_intent.h),
// carries the flow's commands to the writer and the writer's acks back. Shared by `tapsheet kiosk`, `demo`,
// `screenshot` and the whole-flow tests.
#pragma once

#include "app/core/flow.h"
#include "app/store/store.h"
#include "app/ui/kiosk/kiosk_view.h"

#include <map>
#include <memory>
#include <string>

namespace tapsheet {

class KioskSession {
  public:
    // writer may be null (screenshots): commands are then acked at once.
    KioskSession(const Pack& pack, std::unique_ptr<VisitWriter> writer);
    // The flow keeps a reference to the pack: it must outlive the session.
    KioskSession(Pack&& pack, std::unique_ptr<VisitWriter> writer) = delete;

    void Apply(const Intents& intents, double now);
    // Sends queued commands, applies acks; true when anything changed.
    bool Pump(double now);

    KioskView View() const;
    Flow& GetFlow() { return flow_; }
    const Flow& GetFlow() const { return flow_; }
    VisitWriter* Writer() { return writer_.get(); }
    bool OutOfService() const;

    // Staff-facing reasons when the store is failing or the pack is bad.
    void SetServiceProblem(std::string problem, std::string advice);

  private:
    Ticket Submit(const StoreCommand& command);

    Flow flow_;
    std::unique_ptr<VisitWriter> writer_;
    KeyboardState keyboard_;
    std::map<Ticket, std::uint64_t> seq_of_ticket_;
    std::string problem_;
    std::string advice_;
};

} // namespace tapsheet
