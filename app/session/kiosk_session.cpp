#include "app/session/kiosk_session.h"

namespace tapsheet {

KioskSession::KioskSession(const Pack& pack, std::unique_ptr<VisitWriter> writer)
    : flow_(pack), writer_(std::move(writer)) {}

void KioskSession::Apply(const Intents& intents, double now) {
    const VisitStart start{!OutOfService(), NewVisitId};
    for (const Intent& intent : intents)
        ApplyKioskIntent(intent, now, start, flow_, keyboard_);
}

Ticket KioskSession::Submit(const StoreCommand& command) {
    switch (command.kind) {
    case StoreCommand::Kind::BeginVisit:
        return writer_->BeginVisit(command.visit_id, command.lang);
    case StoreCommand::Kind::SaveAnswer:
        return writer_->SaveAnswer(command.answer);
    case StoreCommand::Kind::EndVisit:
        return writer_->EndVisit(command.visit_id, command.end);
    }
    return 0;
}

bool KioskSession::Pump(double now) {
    std::vector<StoreCommand> commands = flow_.TakeCommands();
    bool changed = !commands.empty();
    for (const StoreCommand& command : commands) {
        if (!writer_) {
            flow_.Acked(command.seq, true, now);
            continue;
        }
        seq_of_ticket_[Submit(command)] = command.seq;
    }
    if (!writer_) return changed;
    for (const Ack& ack : writer_->TakeAcks()) {
        auto it = seq_of_ticket_.find(ack.ticket);
        if (it == seq_of_ticket_.end()) continue;
        flow_.Acked(it->second, ack.committed, now);
        seq_of_ticket_.erase(it);
        changed = true;
    }
    return changed;
}

bool KioskSession::OutOfService() const {
    if (!problem_.empty()) return true;
    return writer_ && writer_->Ready() && !writer_->Health().ok;
}

void KioskSession::SetServiceProblem(std::string problem, std::string advice) {
    problem_ = std::move(problem);
    advice_ = std::move(advice);
}

KioskView KioskSession::View() const {
    KioskView view{flow_, keyboard_, false, {}, {}};
    view.out_of_service = OutOfService();
    if (!problem_.empty()) {
        view.service_problem = problem_;
        view.service_advice = advice_;
    } else if (writer_ && view.out_of_service) {
        StoreHealth health = writer_->Health();
        view.service_problem = health.problem;
        view.service_advice = health.advice;
    }
    return view;
}

} // namespace tapsheet
