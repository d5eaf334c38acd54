// A TCP proxy between clients and a broker, for partition tests: it listens
// on a free 127.0.0.1 port and relays every connection to 127.0.0.1:target.
// Cut() severs the network (every connection closed, new ones closed as
// soon as they are accepted) until Heal(). One thread with poll().
#pragma once

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tapsheet::fleet_test {

class TcpProxy {
  public:
    explicit TcpProxy(int target_port); // listening when it returns
    ~TcpProxy();
    TcpProxy(const TcpProxy&) = delete;
    TcpProxy& operator=(const TcpProxy&) = delete;

    int Port() const { return port_; }
    // Every relayed connection is closed when it returns.
    void Cut();
    void Heal();
    int OpenConnections() const;
    long AcceptedConnections() const; // relayed ones, since the start

  private:
    // One client connection and its connection to the broker, each with
    // the bytes read from the other side not written yet.
    struct Link {
        int client = -1;
        int broker = -1;
        std::string to_client;
        std::string to_broker;
    };
    void Run();
    void Accept();
    bool Pump(Link& link, short client_events, short broker_events);
    void CloseAll();
    void Wake();

    int target_port_;
    int port_ = 0;
    int listen_fd_ = -1;
    int wake_fd_ = -1; // eventfd: Cut, Heal and the destructor wake poll()
    mutable std::mutex mutex_;
    std::vector<Link> links_;
    unsigned generation_ = 0; // changes whenever links_ changes from outside Run
    bool cut_ = false;
    bool quit_ = false;
    long accepted_ = 0;
    std::thread thread_;
};

} // namespace tapsheet::fleet_test
